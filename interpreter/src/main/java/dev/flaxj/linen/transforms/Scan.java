package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftScan;
import dev.flaxj.core.ScopeTreeFunction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nn.scan}: the lifted {@code jax.lax.scan} over a module class, function or method, whose
 * target has the signature {@code (module, carry, *xs) -> Tuple(carry, ys)}. Keyword arguments as
 * builder methods; defaults as Flax's.
 */
public final class Scan extends ModuleTransform {
  /** {@code nn.broadcast}: an in/out axis for a value fed unchanged to every step. */
  public static final Object BROADCAST = LiftScan.BROADCAST;

  private final Map<Object, Integer> variableAxes = new LinkedHashMap<>();
  private final Map<Object, Boolean> splitRngs = new LinkedHashMap<>();
  private Object variableBroadcast = false;
  private Object variableCarry = false;
  private Object inAxes = 0;
  private Object outAxes = 0;
  private Integer length;
  private boolean reverse;
  private Object unroll = 1;
  private LiftScan.DataTransform dataTransform;
  private Map<String, Object> metadataParams = Map.of();
  private boolean checkConstancyInvariants = true;

  private Scan() {
    super("scan");
  }

  public static Scan scan() {
    return new Scan();
  }

  /** Scans the collections {@code filter} matches along {@code axis}. */
  public Scan variableAxes(Object filter, int axis) {
    variableAxes.put(filter, axis);
    return this;
  }

  public Scan variableBroadcast(Object filter) {
    variableBroadcast = filter;
    return this;
  }

  public Scan variableCarry(Object filter) {
    variableCarry = filter;
    return this;
  }

  public Scan splitRngs(Object filter, boolean split) {
    splitRngs.put(filter, split);
    return this;
  }

  /** Axes of the scanned arguments after the carry (a prefix tree; {@link #BROADCAST} for none). */
  public Scan inAxes(Object axes) {
    inAxes = axes;
    return this;
  }

  public Scan outAxes(Object axes) {
    outAxes = axes;
    return this;
  }

  public Scan length(Integer n) {
    length = n;
    return this;
  }

  public Scan reverse(boolean r) {
    reverse = r;
    return this;
  }

  /** An int, or a Boolean (true: unroll fully), as lax.scan's {@code unroll}. */
  public Scan unroll(Object u) {
    unroll = u;
    return this;
  }

  /** Transforms the raw variable and RNG groups inside the scan body. */
  public Scan dataTransform(LiftScan.DataTransform t) {
    dataTransform = t;
    return this;
  }

  public Scan metadataParams(Map<String, Object> params) {
    metadataParams = Map.copyOf(params);
    return this;
  }

  public Scan checkConstancyInvariants(boolean check) {
    checkConstancyInvariants = check;
    return this;
  }

  @Override
  protected ScopeTreeFunction lift(ScopeTreeFunction fn) {
    LiftScan s = LiftScan.scan().variableBroadcast(variableBroadcast).variableCarry(variableCarry)
        .inAxes(inAxes).outAxes(outAxes).length(length).reverse(reverse).unroll(unroll)
        .dataTransform(dataTransform).metadataParams(metadataParams)
        .checkConstancyInvariants(checkConstancyInvariants);
    variableAxes.forEach(s::variableAxes);
    splitRngs.forEach(s::splitRngs);
    return s.buildTree(fn);
  }
}
