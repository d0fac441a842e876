package dev.flaxj.transform.remat;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.transform.ConcretizationTypeError;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.custom.ArgnumsPartial;
import dev.flaxj.transform.custom.StagedFunction;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code jax.checkpoint} (alias {@code jax.remat}): a function that computes as {@code fn} but,
 * when differentiated in reverse mode, saves only the intermediates its {@link CheckpointPolicy}
 * allows and recomputes the others on the backward pass. Immutable; the builder methods return
 * a new function. Defaults as JAX's: no policy, meaning {@link CheckpointPolicies#NOTHING_SAVEABLE},
 * {@code prevent_cse=True}, no static arguments.
 */
public final class Checkpoint implements TreeFunction {
  private final TreeFunction fn;
  private final CheckpointPolicy policy;
  private final boolean preventCse;
  private final int[] staticArgnums;

  private Checkpoint(TreeFunction fn, CheckpointPolicy policy, boolean preventCse, int[] staticArgnums) {
    this.fn = fn;
    this.policy = policy;
    this.preventCse = preventCse;
    this.staticArgnums = staticArgnums;
  }

  /** {@code jax.checkpoint(fn)}. */
  public static Checkpoint checkpoint(TreeFunction fn) {
    return new Checkpoint(fn, null, true, new int[0]);
  }

  /** {@code jax.remat(fn)}, the same as {@link #checkpoint}. */
  public static Checkpoint remat(TreeFunction fn) {
    return checkpoint(fn);
  }

  /** {@code policy=}: which intermediates may be saved. */
  public Checkpoint policy(CheckpointPolicy newPolicy) {
    return new Checkpoint(fn, newPolicy, preventCse, staticArgnums);
  }

  /** {@code prevent_cse=}: recorded on the primitive, as JAX's (it only matters to a compiler). */
  public Checkpoint preventCse(boolean newPreventCse) {
    return new Checkpoint(fn, policy, newPreventCse, staticArgnums);
  }

  /**
   * {@code static_argnums=}: arguments passed to {@code fn} as they are instead of traced, so
   * that Java control flow may depend on them. Negative numbers count from the end.
   */
  public Checkpoint staticArgnums(int... nums) {
    return new Checkpoint(fn, policy, preventCse, nums.clone());
  }

  /**
   * {@code jax.ad_checkpoint.checkpoint_name}: {@code x} (a pytree) unchanged, each leaf tagged
   * with {@code name} for {@link CheckpointPolicies#saveOnlyTheseNames} and the residual report.
   */
  public static Object checkpointName(Object x, String name) {
    return Trees.map((Object leaf) -> Bind.bind1(NamePrimitive.NAME, Params.of("name", name),
        FlatFunction.asValue(leaf)), x);
  }

  @Override
  public Object apply(Object... args) {
    int[] fixed = ArgnumsPartial.normalise(staticArgnums, args.length);
    if (fixed == null) {
      throw new IllegalArgumentException("the `static_argnums` argument to `jax.checkpoint` / "
          + "`jax.remat` can only take integer values greater than or equal to `-len(args)` and "
          + "less than `len(args)`, but got " + pyTuple(staticArgnums) + ", while `len(args)` = "
          + args.length);
    }
    ArgnumsPartial split = ArgnumsPartial.of(fn, args, fixed);
    Flattened flat = Trees.flatten(Tuple.of(split.dynamicArgs()));
    List<Value> values = new ArrayList<>();
    List<ShapedArray> avals = new ArrayList<>();
    for (Object leaf : flat.leaves()) {
      Value v = FlatFunction.asValue(leaf);
      values.add(v);
      avals.add(v.aval());
    }
    StagedFunction body;
    try {
      body = StagedFunction.trace(split.fn(), flat.treedef(), avals);
    } catch (ConcretizationTypeError e) {
      ConcretizationTypeError hinted = new ConcretizationTypeError(e.getMessage() + "\n\n"
          + "Consider using the `static_argnums` parameter for `jax.remat` or `jax.checkpoint`. "
          + "See the `jax.checkpoint` docstring and its example involving `static_argnums`:\n"
          + "https://docs.jax.dev/en/latest/_autosummary/jax.checkpoint.html\n");
      hinted.initCause(e);
      throw hinted;
    }
    List<Value> outs = Bind.bind(RematPrimitive.REMAT,
        RematPrimitive.params(body.jaxpr(), preventCse, false, policy), body.operands(values));
    return body.outTree().unflatten(outs);
  }

  private static String pyTuple(int[] nums) {
    String inner = Arrays.toString(nums);
    inner = inner.substring(1, inner.length() - 1);
    return "(" + inner + (nums.length == 1 ? ",)" : ")");
  }
}
