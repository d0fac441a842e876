package dev.flaxj.transform.exec;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.backend.Backend;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ImplPrimitive;
import dev.flaxj.transform.custom.CustomJvpCallPrimitive;
import dev.flaxj.transform.custom.CustomVjpCallPrimitive;
import dev.flaxj.transform.ir.Atom;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.ir.Literal;
import dev.flaxj.transform.ir.Var;
import dev.flaxj.transform.partial.StopGradient;
import dev.flaxj.transform.remat.NamePrimitive;
import dev.flaxj.transform.remat.RematPrimitive;
import dev.flaxj.transform.staging.Pjit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link ExecutionPlan}: flattens the program (calls inlined, identities aliased) into
 * equations over slots, folds transposes into the dots they follow ({@link DotTransposeFolding}),
 * then turns them into steps ({@link Fusion}) and computes when each slot is
 * last used ({@link Liveness}).
 */
final class PlanBuilder {
  private final Backend backend;
  /** Per slot: its constant value (closed-over values and literals), else null. */
  private final List<Value> constants = new ArrayList<>();
  private final List<FlatEqn> flat = new ArrayList<>();

  private PlanBuilder(Backend backend) {
    this.backend = backend;
  }

  static ExecutionPlan build(Jaxpr jaxpr, List<? extends Value> consts, Backend backend) {
    PlanBuilder b = new PlanBuilder(backend);
    Map<Var, Integer> scope = new IdentityHashMap<>();
    for (int i = 0; i < consts.size(); i++) {
      scope.put(jaxpr.constvars().get(i), b.constant(consts.get(i)));
    }
    int[] in = new int[jaxpr.invars().size()];
    for (int i = 0; i < in.length; i++) {
      in[i] = b.newSlot();
      scope.put(jaxpr.invars().get(i), in[i]);
    }
    int[] out = b.inline(jaxpr.eqns(), scope, jaxpr.outvars());
    List<FlatEqn> flat = DotTransposeFolding.fold(b.flat, out, b.constants.size());
    Step[] steps = new Fusion(flat, out, backend, b::step).steps();
    Value[] template = b.constants.toArray(new Value[0]);
    int[][] frees = Liveness.freeAfter(steps, template, in, out);
    return new ExecutionPlan(backend, template, in, steps, frees, out);
  }

  private int newSlot() {
    constants.add(null);
    return constants.size() - 1;
  }

  private int constant(Value v) {
    constants.add(v);
    return constants.size() - 1;
  }

  /** Adds the equations to the flat program; returns the slots of {@code outAtoms}. */
  private int[] inline(List<JaxprEqn> eqns, Map<Var, Integer> scope, List<? extends Atom> outAtoms) {
    for (JaxprEqn eqn : eqns) {
      int[] in = slots(eqn.inputs(), scope);
      Primitive p = eqn.primitive();
      int[] out;
      ClosedJaxpr callee = callee(eqn);
      if (p == NamePrimitive.NAME || p == StopGradient.STOP_GRADIENT) {
        out = in;
      } else if (callee != null) {
        Map<Var, Integer> inner = new IdentityHashMap<>();
        Jaxpr body = callee.jaxpr();
        for (int i = 0; i < callee.consts().size(); i++) {
          inner.put(body.constvars().get(i), constant(callee.consts().get(i)));
        }
        for (int i = 0; i < in.length; i++) {
          inner.put(body.invars().get(i), in[i]);
        }
        out = inline(body.eqns(), inner, body.outvars());
      } else {
        out = new int[eqn.outvars().size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = newSlot();
        }
        flat.add(new FlatEqn(eqn, in, out));
      }
      for (int i = 0; i < out.length; i++) {
        scope.put(eqn.outvars().get(i), out[i]);
      }
    }
    return slots(outAtoms, scope);
  }

  /** The program a call-like equation runs on its operands, or null for other equations. */
  private static ClosedJaxpr callee(JaxprEqn eqn) {
    Primitive p = eqn.primitive();
    Params params = eqn.params();
    if (p == Pjit.PJIT) {
      return Pjit.jaxpr(params);
    }
    Object body = null;
    if (p == RematPrimitive.REMAT) {
      body = params.get("jaxpr");
    } else if (p == CustomJvpCallPrimitive.CUSTOM_JVP_CALL || p == CustomVjpCallPrimitive.CUSTOM_VJP_CALL) {
      body = params.get("call_jaxpr");
    }
    return body instanceof Jaxpr j && j.constvars().isEmpty() ? new ClosedJaxpr(j, List.of()) : null;
  }

  private int[] slots(List<? extends Atom> atoms, Map<Var, Integer> scope) {
    int[] out = new int[atoms.size()];
    for (int i = 0; i < out.length; i++) {
      Atom a = atoms.get(i);
      if (a instanceof Literal lit) {
        out[i] = constant(lit.value());
      } else {
        Integer slot = scope.get(a);
        if (slot == null) {
          throw new IllegalStateException("jaxpr variable used before it is defined: " + a);
        }
        out[i] = slot;
      }
    }
    return out;
  }

  /** The step that runs one equation on its own (not fused). */
  private Step step(FlatEqn f) {
    JaxprEqn eqn = f.eqn();
    Primitive p = eqn.primitive();
    Params params = eqn.params();
    if (!(p instanceof ImplPrimitive)) {
      List<ShapedArray> outAvals = new ArrayList<>(eqn.outvars().size());
      for (Var v : eqn.outvars()) {
        outAvals.add(v.aval());
      }
      return new KernelStep(p.name(), backend.kernel(p), params, List.copyOf(outAvals),
          f.inSlots(), f.outSlots());
    }
    switch (p.name()) {
      case "scan": {
        List<ShapedArray> ys = new ArrayList<>();
        int numCarry = params.getInt("num_carry");
        for (Var v : eqn.outvars().subList(numCarry, eqn.outvars().size())) {
          ys.add(v.aval());
        }
        return new ScanStep(sub((ClosedJaxpr) params.get("jaxpr")), params.getInt("length"),
            params.getBoolean("reverse"), params.getInt("num_consts"), numCarry, List.copyOf(ys),
            f.inSlots(), f.outSlots());
      }
      case "cond": {
        List<ExecutionPlan> branches = new ArrayList<>();
        for (ClosedJaxpr branch : (ClosedJaxpr[]) params.get("branches")) {
          branches.add(sub(branch));
        }
        return new CondStep(List.copyOf(branches), f.inSlots(), f.outSlots());
      }
      case "while": {
        ClosedJaxpr cond = (ClosedJaxpr) params.get("cond_jaxpr");
        if (cond.outAvals().get(0).rank() == 0) {
          return new WhileStep(sub(cond), params.getInt("cond_nconsts"),
              sub((ClosedJaxpr) params.get("body_jaxpr")), params.getInt("body_nconsts"),
              f.inSlots(), f.outSlots());
        }
        break;
      }
      default:
        break;
    }
    return new ImplStep(p, params, f.inSlots(), f.outSlots());
  }

  private ExecutionPlan sub(ClosedJaxpr jaxpr) {
    return build(jaxpr.jaxpr(), jaxpr.consts(), backend);
  }
}
