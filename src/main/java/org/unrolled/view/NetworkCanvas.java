package org.unrolled.view;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.unrolled.engine.Trace;
import org.unrolled.view.draw.DrawList;

/**
 * The unrolled network on one canvas: redraws when the trace, the position, the view settings or the
 * hovered number change. Scroll zooms around the pointer, drag pans, double-click fits; hovering a
 * square publishes it in {@link #hoveredProperty()}, clicking in {@link #clickedProperty()}.
 */
public final class NetworkCanvas extends CanvasRegion {
    private final ObjectProperty<Trace> trace = new SimpleObjectProperty<>(this, "trace");
    private final DoubleProperty position = new SimpleDoubleProperty(this, "position", 0);
    private final DoubleProperty unfold = new SimpleDoubleProperty(this, "unfold", 1);
    private final ObjectProperty<ViewSettings> view = new SimpleObjectProperty<>(this, "view", ViewSettings.defaults());
    private final ReadOnlyObjectWrapper<Hit> hovered = new ReadOnlyObjectWrapper<>(this, "hovered");
    private final ReadOnlyObjectWrapper<Hit> clicked = new ReadOnlyObjectWrapper<>(this, "clicked");
    private NetworkLayout layout;
    private List<Hit> hits = List.of();
    private double dragX;
    private double dragPan;
    private boolean dragged;
    /** Where the pointer is over the canvas, or NaN when it is not: what is hovered is decided again after every frame. */
    private double pointerX = Double.NaN;
    private double pointerY = Double.NaN;

    public NetworkCanvas() {
        getStyleClass().add("network-canvas");
        trace.addListener(o -> {
            hovered.set(null);
            redraw();
        });
        position.addListener(o -> redraw());
        unfold.addListener(o -> redraw());
        view.addListener(o -> redraw());
        hovered.addListener(o -> redraw());
        setOnMouseMoved(this::onMove);
        setOnMouseExited(e -> {
            pointerX = Double.NaN;
            pointerY = Double.NaN;
            hovered.set(null);
        });
        setOnScroll(this::onScroll);
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragPan = layout == null ? 0 : layout.pan();
            dragged = false;
        });
        setOnMouseDragged(this::onDrag);
        setOnMouseClicked(this::onClick);
        setFocusTraversable(false);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 1200;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 700;
    }

    /** Paints the current state: a pure function of trace, position, view settings, size and hover. */
    @Override
    public void redraw() {
        Trace t = trace.get();
        double w = pictureWidth();
        double h = pictureHeight();
        DrawList frame = new DrawList();
        if (t == null || w < 10 || h < 10) {
            frame.setFill(view.get().palette().background());
            frame.fillRect(0, 0, w, h);
            layout = null;
            hits = List.of();
        } else if (unfold.get() < 1) {
            // the rolled view unfolds into the picture of every step at once
            layout = NetworkLayout.compute(t, view.get().fitted(), 0, w, h);
            hits = List.of();
            RolledPainter.paint(frame, layout, view.get().palette(), unfold.get());
            show(frame);
            hovered.set(null); // no numbers to point at in the rolled view
            return;
        } else {
            layout = NetworkLayout.compute(t, view.get(), position.get(), w, h);
            hits = NetworkPainter.paint(frame, layout, position.get(), view.get().palette(), hovered.get(),
                    view.get().highlight(), view.get().hideUncomputed(), view.get().words());
        }
        show(frame);
        followPointer();
    }

    /**
     * After a frame: the hovered number is the one now under the pointer (the picture may have moved
     * under a still pointer: a step, a zoom, presentation mode), or none when the pointer is elsewhere.
     * Setting it draws the frame again, with the outline in its new place.
     */
    private void followPointer() {
        Hit now = Double.isNaN(pointerX) ? null : hitAt(pointerX, pointerY);
        if (!java.util.Objects.equals(now, hovered.get())) {
            hovered.set(now);
        }
    }

    /** The number drawn at a point of the canvas, if any. */
    public Hit hitAt(double x, double y) {
        for (int i = hits.size() - 1; i >= 0; i--) {
            if (hits.get(i).area().contains(x, y)) {
                return hits.get(i);
            }
        }
        return null;
    }

    /** The hit areas of the last frame (for tests and keyboard navigation). */
    public List<Hit> hits() {
        return hits;
    }

    public NetworkLayout currentLayout() {
        return layout;
    }

    private void onMove(MouseEvent e) {
        pointerX = e.getX();
        pointerY = e.getY();
        Hit h = hitAt(e.getX(), e.getY());
        Hit old = hovered.get();
        if (h == null ? old != null : old == null || !h.ref().equals(old.ref()) || h.index() != old.index()) {
            hovered.set(h);
        }
    }

    private void onScroll(ScrollEvent e) {
        if (layout == null || e.getDeltaY() == 0) {
            return;
        }
        double factor = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
        zoomAround(e.getX(), factor);
        e.consume();
    }

    /** Zooms by {@code factor}, keeping the content under {@code x} in place. */
    public void zoomAround(double x, double factor) {
        if (layout == null) {
            return;
        }
        double unit = layout.unit();
        double newUnit = Math.max(ViewSettings.MIN_UNIT, Math.min(ViewSettings.MAX_UNIT, unit * factor));
        double m = NetworkLayout.MARGIN;
        double contentX = x - m + layout.pan();
        double newPan = contentX * newUnit / unit - x + m;
        view.set(view.get().withZoom(newUnit, newPan));
    }

    private void onDrag(MouseEvent e) {
        if (layout == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        pointerX = e.getX();
        pointerY = e.getY();
        double dx = e.getX() - dragX;
        if (Math.abs(dx) > 3) {
            dragged = true;
        }
        if (dragged) {
            view.set(view.get().withPan(dragPan - dx, layout.unit()));
        }
    }

    private void onClick(MouseEvent e) {
        if (dragged) {
            return;
        }
        if (e.getClickCount() == 2) {
            view.set(view.get().fitted());
            return;
        }
        clicked.set(hitAt(e.getX(), e.getY()));
    }

    public ObjectProperty<Trace> traceProperty() {
        return trace;
    }

    public DoubleProperty positionProperty() {
        return position;
    }

    /** 1 for the unrolled network (the default), 0 for the rolled cell, between for the unfolding. */
    public DoubleProperty unfoldProperty() {
        return unfold;
    }

    public ObjectProperty<ViewSettings> viewProperty() {
        return view;
    }

    public ReadOnlyObjectProperty<Hit> hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Hit> clickedProperty() {
        return clicked.getReadOnlyProperty();
    }
}
