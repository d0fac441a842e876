package dev.flaxj.transform.remat;

import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.ir.Jaxpr;
import dev.flaxj.transform.staging.Pjit;

/**
 * The call-like primitives whose single body {@link PolicyPartialEval} splits in place when they
 * sit inside a checkpoint (a nested {@code remat2}, a {@code jit}): how to read the body from an
 * equation's params and how to write the split bodies back.
 */
enum NestedCall {
  REMAT {
    @Override
    Jaxpr body(Params p) {
      return RematPrimitive.body(p);
    }

    @Override
    Params knownParams(Params p, Jaxpr known) {
      return p.with("jaxpr", known);
    }

    @Override
    Params stagedParams(Params p, Jaxpr staged) {
      return p.with("jaxpr", staged).with("differentiated", true);
    }
  },
  JIT {
    @Override
    Jaxpr body(Params p) {
      return Pjit.jaxpr(p).jaxpr();
    }

    @Override
    Params knownParams(Params p, Jaxpr known) {
      return Pjit.params(new ClosedJaxpr(known, Pjit.jaxpr(p).consts()), Pjit.name(p));
    }

    @Override
    Params stagedParams(Params p, Jaxpr staged) {
      return Pjit.params(new ClosedJaxpr(staged, Pjit.jaxpr(p).consts()), Pjit.name(p));
    }
  };

  abstract Jaxpr body(Params p);

  abstract Params knownParams(Params p, Jaxpr known);

  abstract Params stagedParams(Params p, Jaxpr staged);

  /** The nested call {@code p} is, or null. */
  static NestedCall of(Primitive p) {
    if (p == RematPrimitive.REMAT) {
      return REMAT;
    }
    return p == Pjit.PJIT ? JIT : null;
  }
}
