package org.unrolled.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The side panel: the step's details, What if and Notation. The hidden tabs are built when first
 * chosen: their controls' styling would delay the window.
 */
final class SidePanel extends TabPane {
    private final List<Runnable> unbuiltTabs = new ArrayList<>();

    /** A tab whose content is made the first time it is selected (or by {@link #buildAllTabs()}). */
    private Tab lazyTab(String title, Supplier<Node> content) {
        Tab tab = new Tab(title);
        Runnable build = () -> {
            if (tab.getContent() == null) {
                tab.setContent(content.get());
            }
        };
        unbuiltTabs.add(build);
        tab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                build.run();
            }
        });
        return tab;
    }

    /** Makes every tab's content now (tests that reach into a tab without choosing it). */
    void buildAllTabs() {
        unbuiltTabs.forEach(Runnable::run);
    }

    SidePanel(AppModel model) {
        Tab stepTab = new Tab("Step", new DetailsPanel(model));
        Tab whatIfTab = lazyTab("What if", () -> new WhatIfPanel(model));
        whatIfTab.setId("what-if-tab");
        Tab notationTab = lazyTab("Notation", () -> new NotationPanel(model));
        notationTab.setId("notation-tab");
        getTabs().addAll(stepTab, whatIfTab, notationTab);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        setPrefWidth(430);
        setMinWidth(320);
    }
}
