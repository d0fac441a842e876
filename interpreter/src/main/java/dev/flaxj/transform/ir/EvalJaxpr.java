package dev.flaxj.transform.ir;

import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a jaxpr by binding each equation's primitive in order. Because it binds, it works on
 * concrete arrays and under every transformation alike (this is how staged programs are
 * differentiated, batched and nested).
 */
public final class EvalJaxpr {
  private EvalJaxpr() {}

  public static List<Value> eval(ClosedJaxpr closed, List<? extends Value> args) {
    return eval(closed.jaxpr(), closed.consts(), args);
  }

  public static List<Value> eval(Jaxpr jaxpr, List<? extends Value> consts, List<? extends Value> args) {
    if (args.size() != jaxpr.invars().size()) {
      throw new IllegalArgumentException("jaxpr takes " + jaxpr.invars().size()
          + " arguments, got " + args.size());
    }
    Map<Var, Value> env = new IdentityHashMap<>();
    bindAll(env, jaxpr.constvars(), consts);
    bindAll(env, jaxpr.invars(), args);
    for (JaxprEqn eqn : jaxpr.eqns()) {
      Value[] in = new Value[eqn.inputs().size()];
      for (int i = 0; i < in.length; i++) {
        in[i] = read(env, eqn.inputs().get(i));
      }
      List<Value> outs = Bind.bind(eqn.primitive(), eqn.params(), in);
      bindAll(env, eqn.outvars(), outs);
    }
    List<Value> result = new ArrayList<>(jaxpr.outvars().size());
    for (Atom a : jaxpr.outvars()) {
      result.add(read(env, a));
    }
    return result;
  }

  private static void bindAll(Map<Var, Value> env, List<Var> vars, List<? extends Value> values) {
    for (int i = 0; i < vars.size(); i++) {
      env.put(vars.get(i), values.get(i));
    }
  }

  private static Value read(Map<Var, Value> env, Atom a) {
    if (a instanceof Literal) {
      return ((Literal) a).value();
    }
    Value v = env.get(a);
    if (v == null) {
      throw new IllegalStateException("jaxpr variable used before it is defined: " + a);
    }
    return v;
  }
}
