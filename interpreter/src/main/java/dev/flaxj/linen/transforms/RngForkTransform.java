package dev.flaxj.linen.transforms;

import dev.flaxj.core.ScopeTreeFunction;
import dev.flaxj.linen.Module;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A transform lifted the way of Flax's {@code lift_transform_cached} ({@link Jit}, {@link
 * FoldRngs}): one {@link RngFork} per transformed function or method, so that calls share the core
 * lift's cache and RNG counter records. {@link #lift} is the core lift of a function of {@code
 * (scopes, hashKey, args...)}.
 */
abstract class RngForkTransform extends ModuleTransform {
  private final Map<Object, RngFork> sites = new ConcurrentHashMap<>();

  RngForkTransform(String name) {
    super(name);
  }

  @Override
  final ScopeTreeFunction liftCall(ScopeTreeFunction fn, Module owner, Object site) {
    return sites.computeIfAbsent(site, s -> new RngFork(this::lift)).call(fn, owner);
  }
}
