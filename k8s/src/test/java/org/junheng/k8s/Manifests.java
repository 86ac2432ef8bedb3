package org.junheng.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The rendered objects of k8s/base or one overlay, rendered once per test JVM. */
final class Manifests {

    /** What the tests render: the base alone, and each overlay ops deploy. */
    static final List<String> TARGETS = List.of("base", "overlays/dev", "overlays/prod");
    static final List<String> OVERLAYS = List.of("overlays/dev", "overlays/prod");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private final String target;
    private final List<KubeObject> objects;

    private Manifests(String target, List<KubeObject> objects) {
        this.target = target;
        this.objects = objects;
    }

    /** A fresh rendering each call is not needed: tests only read, so one is shared. */
    static Manifests of(String target) {
        return RENDERED.computeIfAbsent(target, t -> new Manifests(t, KustomizeRenderer.render(directory(t))));
    }

    static Path directory(String target) {
        return Project.path("k8s/" + target);
    }

    String target() {
        return target;
    }

    List<KubeObject> all() {
        return objects;
    }

    List<KubeObject> ofKind(String kind) {
        return objects.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    KubeObject get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new NoSuchElementException(target + ": no " + kind + " " + name));
    }

    Optional<KubeObject> find(String kind, String name) {
        return objects.stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).findFirst();
    }

    <T> T typed(String kind, String name, Class<T> type) {
        return TypedObjects.as(get(kind, name), type);
    }

    @Override
    public String toString() {
        return target;
    }
}
