package dev.flaxj.core;

import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flax's lifted {@code scan} ({@code flax.core.lift.scan}): a loop over a function of a scope with
 * the signature {@code (scope, carry, args...) -> Tuple(carry, y)}; the result is {@code Tuple(carry,
 * ys)}. Variable collections are scanned ({@code variableAxes}: one slice per step, stacked along
 * the axis), broadcast ({@code variableBroadcast}: created in the first trace, the same in every
 * step) or carried ({@code variableCarry}). RNG streams whose {@code splitRngs} flag is true get
 * one key per step (their base key split). Arguments are scanned along {@code inAxes} ({@link
 * #BROADCAST} for the same value in every step).
 */
public final class LiftScan {
  /** The in/out axis of a value that is the same in every step ({@code flax.core.broadcast}). */
  public static final Object BROADCAST = AxesScan.BROADCAST;

  private final Map<Object, Integer> variableAxes = new LinkedHashMap<>();
  private final Map<Object, Boolean> splitRngs = new LinkedHashMap<>();
  private Object variableBroadcast = false;
  private Object variableCarry = false;
  private Object inAxes = 0;
  private Object outAxes = 0;
  private Integer length;
  private boolean reverse;
  private Object unroll = 1;
  private boolean checkConstancyInvariants = true;
  private DataTransform dataTransform;
  private Map<String, Object> metadataParams = Map.of();

  /**
   * Flax's {@code data_transform}: maps the raw variable groups (broadcast, carry, then one per
   * {@code variableAxes} filter) and RNG groups inside the body; returns {@code Tuple(variable
   * groups, rng groups)}.
   */
  @FunctionalInterface
  public interface DataTransform {
    Tuple apply(List<Object> variableGroups, List<Object> rngGroups);
  }

  private LiftScan() {}

  public static LiftScan scan() {
    return new LiftScan();
  }

  /** Scans the collections {@code filter} matches along {@code axis}. */
  public LiftScan variableAxes(Object filter, int axis) {
    variableAxes.put(filter, axis);
    return this;
  }

  public LiftScan variableBroadcast(Object filter) {
    variableBroadcast = filter;
    return this;
  }

  public LiftScan variableCarry(Object filter) {
    variableCarry = filter;
    return this;
  }

  public LiftScan splitRngs(Object filter, boolean split) {
    splitRngs.put(filter, split);
    return this;
  }

  /** Axes of the arguments after the carry (a prefix tree of them). */
  public LiftScan inAxes(Object inAxes) {
    this.inAxes = inAxes;
    return this;
  }

  /** Axes of the per-step output {@code y} (a prefix tree of it). */
  public LiftScan outAxes(Object outAxes) {
    this.outAxes = outAxes;
    return this;
  }

  public LiftScan length(Integer length) {
    this.length = length;
    return this;
  }

  public LiftScan reverse(boolean reverse) {
    this.reverse = reverse;
    return this;
  }

  public LiftScan unroll(Object unroll) {
    this.unroll = unroll;
    return this;
  }

  /** Whether to trace the body twice and check that broadcast values are loop invariants. */
  public LiftScan checkConstancyInvariants(boolean check) {
    this.checkConstancyInvariants = check;
    return this;
  }

  /** Transforms the raw variable and RNG groups in the body (null: none). */
  public LiftScan dataTransform(DataTransform transform) {
    this.dataTransform = transform;
    return this;
  }

  /** Passed to the {@link AxisMetadata} boxes of scanned collections (e.g. {@code partition_name}). */
  public LiftScan metadataParams(Map<String, Object> params) {
    this.metadataParams = Map.copyOf(params);
    return this;
  }

  /** The scanned scope function {@code (scope, init, args...) -> Tuple(carry, ys)}. */
  public ScopeFunction build(ScopeFunction fn) {
    return buildTree(ScopeTreeFunction.of(fn)).onScope();
  }

  /** The scanned function of a scope tree {@code (scopes, init, args...) -> Tuple(carry, ys)}. */
  public ScopeTreeFunction buildTree(ScopeTreeFunction fn) {
    List<Object> filters = new ArrayList<>(List.of(variableBroadcast, variableCarry));
    filters.addAll(variableAxes.keySet());
    List<Object> scanAxes = new ArrayList<>(variableAxes.values());
    List<Object> rngFilters = new ArrayList<>(splitRngs.keySet());
    List<Boolean> splits = new ArrayList<>(splitRngs.values());
    List<Object> rngAxes = new ArrayList<>();
    splits.forEach(s -> rngAxes.add(s ? 0 : BROADCAST));
    Pack.Body body = (pack, variableGroups, rngGroups, allArgs) -> {
      Object init = allArgs[0];
      Object[] args = java.util.Arrays.copyOfRange(allArgs, 1, allArgs.length);
      List<Object> rngs = Pack.splitRngs(rngGroups, splits, scanLength(args));
      AxesScan.Body step = (broadcastVars, carry, a) -> {
        List<Object> groups = new ArrayList<>();
        groups.add(broadcastVars);
        groups.add(((Tuple) carry).get(0));
        groups.addAll((List<?>) a[0]);
        List<?> stepRngs = (List<?>) a[1];
        if (dataTransform != null) {
          Tuple transformed = dataTransform.apply(groups, new ArrayList<>(stepRngs));
          groups = new ArrayList<>((List<?>) transformed.get(0));
          stepRngs = (List<?>) transformed.get(1);
        }
        Object inner = pack.innerScopes(groups, stepRngs);
        Tuple cy = (Tuple) fn.apply(inner, prepend(((Tuple) carry).get(1), ((Tuple) a[2]).items()));
        List<Object> out = pack.repack(inner);
        return Tuple.of(withImmutable(broadcastVars, out.get(0)), Tuple.of(out.get(1), cy.get(0)),
            Tuple.of(cy.get(1), new ArrayList<>(out.subList(2, out.size()))));
      };
      Tuple r = AxesScan.scan(step, Tuple.of(scanAxes, rngAxes, inAxes), Tuple.of(outAxes, scanAxes), length,
          reverse, unroll, checkConstancyInvariants, variableGroups.get(0),
          Tuple.of(variableGroups.get(1), init),
          new Object[] {removeAxes(variableGroups.subList(2, variableGroups.size()), scanAxes), rngs, Tuple.of(args)});
      Tuple carry = (Tuple) r.get(1);
      Tuple ys = (Tuple) r.get(2);
      List<Object> outGroups = new ArrayList<>(List.of(r.get(0), carry.get(0)));
      List<?> scanned = (List<?>) ys.get(1);
      for (int i = 0; i < scanned.size(); i++) {
        outGroups.add(Meta.addAxis(scanned.get(i), (Integer) scanAxes.get(i), metadataParams));
      }
      return Tuple.of(Tuple.of(carry.get(1), ys.get(0)), outGroups);
    };
    return Pack.pack("scan", body, filters, filters, rngFilters);
  }

  /** The number of steps: the length of every scanned argument axis, which must agree. */
  private int scanLength(Object[] args) {
    Tuple argTree = Tuple.of(args);
    List<Object> axes = Trees.broadcastPrefix(inAxes, argTree);
    List<Object> leaves = Trees.leaves(argTree);
    Set<Integer> lengths = new TreeSet<>();
    for (int i = 0; i < leaves.size(); i++) {
      if (axes.get(i) != BROADCAST) {
        lengths.add(LiftVmap.axisLength((Value) leaves.get(i), (Integer) axes.get(i)));
      }
    }
    if (lengths.size() > 1) {
      throw new PyValueError("Inconsistent scan lengths: " + LiftVmap.pySet(lengths));
    }
    if (lengths.size() == 1 && length == null) {
      return lengths.iterator().next();
    }
    if (length == null) {
      throw new PyValueError("length should be specified manually.");
    }
    return length;
  }

  /**
   * The broadcast output with the broadcast input's collections that the body could not write
   * added back (as Flax does), so that the loop body receives them.
   */
  private static Tuple withImmutable(Object broadcastIn, Object broadcastOut) {
    List<Object> in = ((Tuple) broadcastIn).items();
    List<Object> out = ((Tuple) broadcastOut).items();
    List<Object> merged = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      Map<Object, Object> m = new LinkedHashMap<>((Map<?, ?>) out.get(i));
      ((Map<?, ?>) in.get(i)).forEach(m::putIfAbsent);
      merged.add(m);
    }
    return new Tuple(merged);
  }

  private List<Object> removeAxes(List<Object> groups, List<Object> axes) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      out.add(Meta.removeAxis(groups.get(i), (Integer) axes.get(i), metadataParams));
    }
    return out;
  }

  private static Object[] prepend(Object first, List<Object> rest) {
    List<Object> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all.toArray();
  }
}
