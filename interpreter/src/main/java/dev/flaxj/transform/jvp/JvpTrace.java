package dev.flaxj.transform.jvp;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.MainTrace;
import dev.flaxj.transform.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * The forward-mode interpreter (Autodidax's {@code JVPTrace}): each primitive maps primal and
 * tangent inputs to primal and tangent outputs by its {@link JvpRule}. Values from outside (or
 * from lower levels) enter with a {@link Zero} tangent; when every tangent is zero the primitive
 * is simply applied to the primals. The tangent of an integer, bool or key output is always Zero.
 * An output whose tangent is Zero is returned as its primal, not as a tracer (JAX's
 * {@code maybe_jvp_tracer}): {@code x > 0} of a concrete {@code x} stays concrete under jvp, so it
 * can serve as a boolean mask or in Python-level control flow.
 */
final class JvpTrace extends Trace {
  JvpTrace(MainTrace main) {
    super(main);
  }

  @Override
  public Value pure(Value constant) {
    return new JvpTracer(this, constant, Zero.of(constant.aval()));
  }

  @Override
  public Value lift(Value lower) {
    return pure(lower);
  }

  /** A tracer of this trace; the tangent is normalised (Zero for non-float primals). */
  JvpTracer tracer(Value primal, Value tangent) {
    return new JvpTracer(this, primal, normalise(primal, tangent, null));
  }

  @Override
  public List<Value> processPrimitive(Primitive primitive, List<Value> args, Params params) {
    List<Value> primals = new ArrayList<>(args.size());
    List<Value> tangents = new ArrayList<>(args.size());
    boolean allZero = true;
    for (Value v : args) {
      JvpTracer t = (JvpTracer) v;
      primals.add(t.primal());
      tangents.add(t.tangent());
      allZero &= Zero.is(t.tangent());
    }
    List<Value> primalsOut;
    List<Value> tangentsOut;
    if (allZero) {
      primalsOut = Bind.bind(primitive, params, primals.toArray(new Value[0]));
      tangentsOut = Tangents.zerosFor(primalsOut);
    } else {
      JvpResult r = JvpRules.get(primitive).apply(primals, tangents, params);
      primalsOut = r.primalsOut();
      tangentsOut = r.tangentsOut();
    }
    List<Value> out = new ArrayList<>(primalsOut.size());
    for (int i = 0; i < primalsOut.size(); i++) {
      Value p = primalsOut.get(i);
      Value t = normalise(p, tangentsOut.get(i), primitive);
      out.add(Zero.is(t) ? p : new JvpTracer(this, p, t));
    }
    return out;
  }

  /**
   * The tangent as this trace stores it: Zero for non-differentiable dtypes, otherwise checked
   * to have the primal's shape and dtype (a mismatch is a bug in the rule of {@code source}).
   */
  private static Value normalise(Value primal, Value tangent, Primitive source) {
    ShapedArray p = primal.aval();
    if (Zero.isNonDifferentiable(p.dtype()) || Zero.is(tangent)) {
      return Zero.of(p);
    }
    ShapedArray t = tangent.aval();
    if (!t.shape().equals(p.shape()) || t.dtype() != p.dtype()) {
      throw new IllegalStateException((source == null ? "jvp" : "JVP rule of " + source)
          + ": tangent " + t.str() + " does not match primal " + p.str());
    }
    return tangent;
  }
}
