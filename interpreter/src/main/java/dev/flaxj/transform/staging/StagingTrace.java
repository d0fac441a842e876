package dev.flaxj.transform.staging;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.MainTrace;
import dev.flaxj.transform.Trace;
import java.util.List;

/**
 * The staging interpreter (JAX's {@code DynamicJaxprTrace}): each primitive becomes an equation of
 * the jaxpr being built, typed by the primitive's abstract evaluation; nothing is computed.
 * Constants and values of lower levels become constants of the jaxpr.
 */
final class StagingTrace extends Trace {
  StagingTrace(MainTrace main) {
    super(main);
  }

  JaxprBuilder builder() {
    return (JaxprBuilder) main.globalData();
  }

  @Override
  public Value pure(Value constant) {
    return builder().constant(this, constant);
  }

  @Override
  public Value lift(Value lower) {
    return builder().constant(this, lower);
  }

  @Override
  public List<Value> processPrimitive(Primitive primitive, List<Value> args, Params params) {
    return builder().addEquation(this, primitive, params, args);
  }
}
