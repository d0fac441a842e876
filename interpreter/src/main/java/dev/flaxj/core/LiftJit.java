package dev.flaxj.core;

import dev.flaxj.transform.staging.Jit;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Flax's lifted {@code jit} ({@code flax.core.lift.jit}): {@code jax.jit} of a function {@code
 * (scope, hashKey, args...)}, with the RNG handling of {@link LiftFoldRngs}. The fingerprint (the
 * inner scope's mutability and {@code hashKey}) is a static argument, so a new hash key means a new
 * trace. Argument numbers count the scope as 0 and the first argument after the hash key as 1
 * (numbers below 1 are ignored, as in Flax).
 */
public final class LiftJit {
  private Object variables = true;
  private Object rngs = true;
  private int[] staticArgnums = {};
  private String[] staticArgnames = {};
  private int[] donateArgnums = {};

  private LiftJit() {}

  public static LiftJit jit() {
    return new LiftJit();
  }

  public LiftJit variables(Object filter) {
    variables = filter;
    return this;
  }

  public LiftJit rngs(Object filter) {
    rngs = filter;
    return this;
  }

  public LiftJit staticArgnums(int... argnums) {
    staticArgnums = argnums.clone();
    return this;
  }

  /** Keyword arguments (a trailing {@link dev.flaxj.transform.staging.Kwargs}) that are static. */
  public LiftJit staticArgnames(String... argnames) {
    staticArgnames = argnames.clone();
    return this;
  }

  /** Accepted and passed to {@code jax.jit}; flaxj's arrays are immutable, so donation changes nothing. */
  public LiftJit donateArgnums(int... argnums) {
    donateArgnums = argnums.clone();
    return this;
  }

  /** The jitted scope function {@code (scope, hashKey, args...)}. */
  public ScopeFunction build(ScopeFunction fn) {
    return buildTree(ScopeTreeFunction.of(fn)).onScope();
  }

  /** The jitted function of a scope tree {@code (scopes, hashKey, args...)}. */
  public ScopeTreeFunction buildTree(ScopeTreeFunction fn) {
    int[] statics = IntStream.concat(IntStream.of(0), shifted(staticArgnums)).toArray();
    int[] donated = shifted(donateArgnums).toArray();
    return LiftFoldRngs.build("jit", fn, variables, rngs,
        f -> Jit.jit(f).staticArgnums(statics).staticArgnames(staticArgnames).donateArgnums(donated));
  }

  /** Positions in {@code (fingerprint, variableGroups, rngGroups, args...)}. */
  private static IntStream shifted(int[] argnums) {
    return Arrays.stream(argnums).filter(i -> i > 0).map(i -> i + 2);
  }
}
