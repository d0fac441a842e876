package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftMapVariables;
import dev.flaxj.core.ScopeTreeFunction;
import java.util.function.UnaryOperator;

/**
 * {@code nn.map_variables}: runs a module (or function) on a view of its variables: {@code
 * transInFn} of the mapped collections (a map from collection name to collection) on the way in,
 * {@code transOutFn} of them on the way out when {@code init} or {@code mutable} is set (see
 * {@link LiftMapVariables}). Defaults as Flax's: every collection mapped, identity functions.
 */
public final class MapVariables extends ModuleTransform {
  private final Object mappedCollections;
  private UnaryOperator<Object> transInFn = UnaryOperator.identity();
  private UnaryOperator<Object> transOutFn = UnaryOperator.identity();
  private boolean init;
  private boolean mutable;
  private Object rngs = true;
  private Object variables = true;

  private MapVariables(Object mappedCollections) {
    super("map_variables");
    this.mappedCollections = mappedCollections;
  }

  public static MapVariables mapVariables() {
    return new MapVariables(true);
  }

  public static MapVariables mapVariables(Object mappedCollections) {
    return new MapVariables(mappedCollections);
  }

  public MapVariables transInFn(UnaryOperator<Object> fn) {
    transInFn = fn;
    return this;
  }

  public MapVariables transOutFn(UnaryOperator<Object> fn) {
    transOutFn = fn;
    return this;
  }

  public MapVariables init(boolean i) {
    init = i;
    return this;
  }

  public MapVariables mutable(boolean m) {
    mutable = m;
    return this;
  }

  public MapVariables rngs(Object filter) {
    rngs = filter;
    return this;
  }

  public MapVariables variables(Object filter) {
    variables = filter;
    return this;
  }

  @Override
  protected ScopeTreeFunction lift(ScopeTreeFunction fn) {
    return LiftMapVariables.mapVariables(mappedCollections).mapInFn(transInFn).mapOutFn(transOutFn).init(init)
        .mutable(mutable).rngs(rngs).variables(variables).buildTree(fn);
  }
}
