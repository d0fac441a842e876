package dev.flaxj.transform.partial;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Lax;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.EvalJaxpr;
import dev.flaxj.transform.jvp.Jvp;
import dev.flaxj.transform.jvp.JvpResult;
import dev.flaxj.transform.jvp.Tangents;
import dev.flaxj.transform.jvp.Zero;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * A flat function linearized at a point (JAX's {@code ad.linearize}): its JVP is traced under
 * partial evaluation with the primals known and the tangents unknown, so that the primal outputs
 * (and everything else that does not depend on tangents) are computed now and the linear map
 * from input tangents to output tangents is staged as a program. Reverse mode
 * transposes that program ({@link #vjp}).
 *
 * <p>Only floating inputs and outputs have tangents: the program's inputs are the tangents of
 * the floating inputs, its outputs those of the floating outputs among the first
 * {@code numDifferentiated} outputs (read after the function has run). The rest,
 * such as auxiliary data, are only evaluated.
 *
 * <p>Public for other transformations that inspect the linearization itself, such as
 * {@code checkpoint}'s saved residuals ({@link #residuals}); the JVP and VJP of the linear map
 * are used through {@link Linearize} and {@link Vjp}.
 */
public final class Linearization {
  private final List<Value> primalsOut;
  private final ClosedJaxpr linear;
  private final List<ShapedArray> inAvals;
  private final List<ShapedArray> outAvals;

  private Linearization(List<Value> primalsOut, ClosedJaxpr linear, List<ShapedArray> inAvals,
      List<ShapedArray> outAvals) {
    this.primalsOut = primalsOut;
    this.linear = linear;
    this.inAvals = inAvals;
    this.outAvals = outAvals;
  }

  /**
   * Linearizes {@code f} at {@code primals}. {@code numDifferentiated} is read after {@code f}
   * has run: how many of its leading outputs are differentiated (the rest are only evaluated).
   */
  public static Linearization of(Function<List<Value>, List<Value>> f,
      List<? extends Value> primals, IntSupplier numDifferentiated) {
    int n = primals.size();
    List<PartialVal> pvals = new ArrayList<>();
    List<ShapedArray> inAvals = new ArrayList<>(n);
    for (Value p : primals) {
      pvals.add(PartialVal.known(p));
      inAvals.add(p.aval());
    }
    for (Value p : primals) {
      if (differentiable(p.aval())) {
        pvals.add(PartialVal.unknown(tangentAval(p.aval())));
      }
    }
    int[] numOut = new int[2];
    PartialEval.Result r = PartialEval.partialEvalFlat(in -> {
      List<Value> tangents = new ArrayList<>(n);
      int k = n;
      for (int i = 0; i < n; i++) {
        tangents.add(differentiable(inAvals.get(i)) ? in.get(k++) : Zero.of(inAvals.get(i)));
      }
      JvpResult jvp = Jvp.jvpFlat(in.subList(0, n), tangents, f);
      numOut[0] = jvp.primalsOut().size();
      numOut[1] = numDifferentiated.getAsInt();
      List<Value> outs = new ArrayList<>(jvp.primalsOut());
      for (int i = 0; i < numOut[1]; i++) {
        if (differentiable(jvp.primalsOut().get(i).aval())) {
          outs.add(Tangents.instantiate(jvp.tangentsOut().get(i)));
        }
      }
      return outs;
    }, pvals, i -> i >= numOut[0]);
    List<Value> primalsOut = new ArrayList<>(numOut[0]);
    List<ShapedArray> outAvals = new ArrayList<>(numOut[1]);
    for (int i = 0; i < numOut[0]; i++) {
      PartialVal pv = r.outputs().get(i);
      if (!pv.isKnown()) {
        throw new IllegalStateException("linearize: primal output " + i + " depends on tangents");
      }
      primalsOut.add(pv.value());
      if (i < numOut[1]) {
        outAvals.add(pv.aval());
      }
    }
    ClosedJaxpr linear = r.jaxpr();
    if (linear.jaxpr().outvars().size() != r.outputs().size() - numOut[0]) {
      throw new IllegalStateException("linearize: an output tangent was not staged");
    }
    return new Linearization(primalsOut, linear, inAvals, outAvals);
  }

  /** Floating values have tangents; integers, bools and keys do not (JAX's float0). */
  static boolean differentiable(ShapedArray aval) {
    return !Zero.isNonDifferentiable(aval.dtype());
  }

  static ShapedArray tangentAval(ShapedArray primal) {
    return new ShapedArray(primal.shape(), primal.dtype(), false);
  }

  /**
   * The residuals: the values computed from the primals that the linear program keeps (its
   * constants), what reverse mode saves from the forward pass for the backward pass.
   */
  public List<Value> residuals() {
    return linear.consts();
  }

  /** The same linear map closed over other residuals of the same types (e.g. those of a later trace). */
  Linearization withResiduals(List<Value> residuals) {
    return new Linearization(primalsOut, new ClosedJaxpr(linear.jaxpr(), residuals), inAvals, outAvals);
  }

  /** All primal outputs, auxiliary ones included. */
  List<Value> primalsOut() {
    return primalsOut;
  }

  List<ShapedArray> inAvals() {
    return inAvals;
  }

  /** The avals of the differentiated outputs. */
  List<ShapedArray> outAvals() {
    return outAvals;
  }

  /** Output tangents (Zero for non-floating outputs) from one tangent per input. */
  List<Value> jvp(List<? extends Value> tangents) {
    List<Value> in = new ArrayList<>();
    for (int i = 0; i < tangents.size(); i++) {
      if (differentiable(inAvals.get(i))) {
        in.add(Tangents.instantiate(tangents.get(i)));
      }
    }
    List<Value> staged = EvalJaxpr.eval(linear, in);
    List<Value> out = new ArrayList<>(outAvals.size());
    int k = 0;
    for (ShapedArray aval : outAvals) {
      out.add(differentiable(aval) ? staged.get(k++) : Zero.of(aval));
    }
    return out;
  }

  /**
   * Input cotangents (arrays for floating inputs, zeros where nothing flows; Zero for the
   * others) from one cotangent per differentiated output (those of non-floating outputs are
   * ignored).
   */
  List<Value> vjp(List<? extends Value> cts) {
    List<Object> args = new ArrayList<>();
    for (var v : linear.jaxpr().invars()) {
      args.add(new UndefinedPrimal(v.aval()));
    }
    List<Value> outCts = new ArrayList<>();
    for (int i = 0; i < outAvals.size(); i++) {
      if (differentiable(outAvals.get(i))) {
        outCts.add(cts.get(i));
      }
    }
    List<Value> staged = BackwardPass.transpose(linear, args, outCts);
    List<Value> out = new ArrayList<>(inAvals.size());
    int k = 0;
    for (ShapedArray aval : inAvals) {
      out.add(differentiable(aval) ? likeInput(staged.get(k++), aval) : Zero.of(aval));
    }
    return out;
  }

  /** A cotangent as an array with its input's weak type, as JAX returns it. */
  private static Value likeInput(Value ct, ShapedArray input) {
    Value v = Tangents.instantiate(ct);
    return v.aval().weakType() == input.weakType() ? v
        : Lax.convertElementType(v, input.dtype(), input.weakType());
  }
}
