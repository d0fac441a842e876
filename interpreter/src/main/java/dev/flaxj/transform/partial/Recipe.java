package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import java.util.List;

/**
 * How an unknown {@link PartialEvalTracer} came about, as Autodidax's recipes: an input of the
 * staged program, a known value used where an unknown one is needed, or an output of a staged
 * equation. The staged program is rebuilt from these by {@link RecipeJaxpr}.
 */
sealed interface Recipe {
  /** An input of the staged program. */
  record LambdaBinding() implements Recipe {}

  /** A known value that the staged program takes as a constant (a residual). */
  record Const(Value value) implements Recipe {}

  /** An equation of the staged program; its outputs are set once their tracers exist. */
  final class Eqn implements Recipe {
    final Primitive primitive;
    final List<PartialEvalTracer> inputs;
    final Params params;
    final List<ShapedArray> outAvals;
    private List<PartialEvalTracer> outputs;

    Eqn(Primitive primitive, List<PartialEvalTracer> inputs, Params params,
        List<ShapedArray> outAvals) {
      this.primitive = primitive;
      this.inputs = List.copyOf(inputs);
      this.params = params;
      this.outAvals = List.copyOf(outAvals);
    }

    List<PartialEvalTracer> outputs() {
      return outputs;
    }

    void setOutputs(List<PartialEvalTracer> tracers) {
      if (outputs != null) {
        throw new IllegalStateException("the outputs of a staged " + primitive + " are already set");
      }
      outputs = List.copyOf(tracers);
    }
  }
}
