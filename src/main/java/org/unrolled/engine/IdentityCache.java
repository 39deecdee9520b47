package org.unrolled.engine;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Function;

/**
 * A few values remembered by the identity of an immutable key (weights, a trace), held weakly: a
 * lookup costs a handful of {@code ==} comparisons, where a map would hash every number of the key.
 * The newest {@code capacity} keys are kept. Thread-safe.
 */
public final class IdentityCache<K, V> {
    private record Entry<K, V>(WeakReference<K> key, V value) {
    }

    private final int capacity;
    private final ArrayDeque<Entry<K, V>> entries = new ArrayDeque<>();

    public IdentityCache(int capacity) {
        this.capacity = capacity;
    }

    /** The value remembered for {@code key}, or null. */
    public synchronized V get(K key) {
        for (Iterator<Entry<K, V>> it = entries.iterator(); it.hasNext();) {
            Entry<K, V> e = it.next();
            K k = e.key().get();
            if (k == null) {
                it.remove();
            } else if (k == key) {
                return e.value();
            }
        }
        return null;
    }

    public synchronized void put(K key, V value) {
        entries.removeIf(e -> e.key().get() == key || e.key().get() == null);
        entries.addFirst(new Entry<>(new WeakReference<>(key), value));
        while (entries.size() > capacity) {
            entries.removeLast();
        }
    }

    /** The remembered value, or {@code compute}'s, remembered (computed outside the lock). */
    public V computeIfAbsent(K key, Function<K, V> compute) {
        V known = get(key);
        if (known != null) {
            return known;
        }
        V value = compute.apply(key);
        put(key, value);
        return value;
    }
}
