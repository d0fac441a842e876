package dev.flaxj.transform.remat;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.lax.DotDimensionNumbers;
import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The policies of {@code jax.checkpoint_policies}. */
public final class CheckpointPolicies {
  private CheckpointPolicies() {}

  /** Save nothing: recompute every intermediate (the default of {@code checkpoint}). */
  public static final CheckpointPolicy NOTHING_SAVEABLE = new Constant(false, "nothing_saveable");

  /** Save everything, as if the function were not checkpointed at all. */
  public static final CheckpointPolicy EVERYTHING_SAVEABLE = new Constant(true, "everything_saveable");

  /** Save the results of matrix multiplications ({@code dot_general}); recompute the rest. */
  public static final CheckpointPolicy DOTS_SAVEABLE = new Dots(false);

  /** Save the results of {@code dot_general}s that have no batch dimensions. */
  public static final CheckpointPolicy DOTS_WITH_NO_BATCH_DIMS_SAVEABLE = new Dots(true);

  /** Save only values named (with {@link Checkpoint#checkpointName}) by one of {@code names}. */
  public static CheckpointPolicy saveOnlyTheseNames(String... names) {
    return new Names(new TreeSet<>(Arrays.asList(names)), true);
  }

  /** Save every named value except those named by one of {@code names}; nothing unnamed. */
  public static CheckpointPolicy saveAnyNamesButThese(String... names) {
    return new Names(new TreeSet<>(Arrays.asList(names)), false);
  }

  /** Save what either policy saves (JAX's {@code save_from_both_policies}). */
  public static CheckpointPolicy saveFromBothPolicies(CheckpointPolicy first, CheckpointPolicy second) {
    return new Either(first, second);
  }

  private record Constant(boolean answer, String name) implements CheckpointPolicy {
    @Override
    public boolean saveable(Primitive primitive, List<ShapedArray> inputs, Params params) {
      return answer;
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private record Dots(boolean onlyIfNoBatchDims) implements CheckpointPolicy {
    @Override
    public boolean saveable(Primitive primitive, List<ShapedArray> inputs, Params params) {
      if (primitive != DotGeneralPrimitive.DOT_GENERAL) {
        return false;
      }
      if (!onlyIfNoBatchDims) {
        return true;
      }
      DotDimensionNumbers dims = (DotDimensionNumbers) params.get("dimension_numbers");
      return dims.lhsBatch().length == 0 && dims.rhsBatch().length == 0;
    }

    @Override
    public String toString() {
      return onlyIfNoBatchDims ? "dots_with_no_batch_dims_saveable" : "dots_saveable";
    }
  }

  private record Names(Set<String> names, boolean onlyThese) implements CheckpointPolicy {
    @Override
    public boolean saveable(Primitive primitive, List<ShapedArray> inputs, Params params) {
      if (primitive != NamePrimitive.NAME) {
        return false;
      }
      return names.contains(params.getString("name")) == onlyThese;
    }

    @Override
    public String toString() {
      return (onlyThese ? "save_only_these_names" : "save_any_names_but_these") + names;
    }
  }

  private record Either(CheckpointPolicy first, CheckpointPolicy second) implements CheckpointPolicy {
    @Override
    public boolean saveable(Primitive primitive, List<ShapedArray> inputs, Params params) {
      return first.saveable(primitive, inputs, params) || second.saveable(primitive, inputs, params);
    }

    @Override
    public String toString() {
      return "save_from_both_policies(" + first + ", " + second + ")";
    }
  }
}
