package dev.flaxj.python;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.transform.Tracer;
import dev.flaxj.transform.batching.BatchTracer;
import dev.flaxj.transform.jvp.JvpTracers;
import dev.flaxj.transform.partial.PartialEvalTracer;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What {@code repr} of a tracer shows, in the form of jax 0.10.2: {@code JVPTracer(primal=...,
 * tangent=...)} under jvp, {@code GradTracer(primal=..., typeof(tangent)=f32[])} under grad, vjp
 * and linearize, {@code VmapTracer(aval=..., batched=...)} under vmap, and {@code JitTracer(...)}
 * for values being staged (jit, make_jaxpr, control-flow bodies, checkpoint).
 */
public final class PyTracers {
  private PyTracers() {}

  /**
   * {@code [kind, a, b]}: {@code "JVP"} with the primal and tangent values, {@code "Grad"} with the
   * primal value and the tangent's short type, {@code "Vmap"} with the long types of the
   * per-example and batched values, {@code "Jit"} with the long type (b null).
   */
  public static Object[] parts(Value v) {
    Value lowered = v instanceof Tracer t ? t.fullLower() : v;
    if (JvpTracers.is(lowered)) {
      Value primal = lower(JvpTracers.primal(lowered));
      Value tangent = lower(JvpTracers.tangent(lowered));
      if (tangent instanceof PartialEvalTracer pe && !pe.isKnown()) {
        ShapedArray a = tangent.aval();
        return new Object[] {"Grad", primal, a.withDType(a.dtype(), false).str()};
      }
      return new Object[] {"JVP", primal, tangent};
    }
    if (lowered instanceof BatchTracer b) {
      return new Object[] {"Vmap", longType(b.aval()), longType(b.val().aval())};
    }
    return new Object[] {"Jit", longType(lowered.aval()), null};
  }

  private static Value lower(Value v) {
    return v instanceof Tracer t ? t.fullLower() : v;
  }

  /** JAX's long form of a type: {@code float32[2,3]}, {@code ~float32[]} when weakly typed. */
  static String longType(ShapedArray a) {
    return (a.weakType() ? "~" : "") + a.dtype().jaxName() + "["
        + Arrays.stream(a.shape().dims()).mapToObj(Integer::toString).collect(Collectors.joining(","))
        + "]";
  }
}
