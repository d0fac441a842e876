package dev.flaxj.linen.transforms;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Value;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.linen.ApplyOptions;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.nn.Activations;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.ir.JaxprEqn;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.Tuple;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code methods=} of nn.checkpoint and nn.scan, against seed-vmap_scan_checkpoint.json (flax 0.12.8). */
class MethodsKeywordTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("vmap_scan_checkpoint");

  static final class TwoMethods extends Module {
    Dense dense;

    @Override
    protected void setup() {
      dense = new Dense(2);
    }

    @Override
    protected Object forward(Object... a) {
      return dense.call((Value) a[0]);
    }

    static Object encode(Module m, Object... a) {
      return Activations.tanh(((TwoMethods) m).dense.call((Value) a[0]));
    }
  }

  private static final ModuleMethod ENCODE = (m, a) -> ((Lifted<?>) m).method("encode", TwoMethods::encode, a);

  private static long remats(Lifted<TwoMethods> model, Map<String, Map<String, Object>> variables, Object x,
      ModuleMethod method) {
    ApplyOptions options = method == null ? ApplyOptions.none() : ApplyOptions.none().method(method);
    return MakeJaxpr.makeJaxpr(a -> model.apply(LinenVmapTest.vars(a[0]), options, a[1])).apply(variables, x)
        .jaxpr().eqns().stream().map(JaxprEqn::primitive).filter(p -> p.name().equals("remat2")).count();
  }

  @Test
  void checkpointMethods() {
    SeedGoldens.Program p = GOLDENS.program("checkpoint_methods");
    Lifted<TwoMethods> model = Checkpoint.checkpoint().methods("encode").module(TwoMethods::new);
    Object x = p.value("x");
    Map<String, Map<String, Object>> variables = model.init(Random.key(0), ApplyOptions.none().method(ENCODE), x);
    assertTreeClose(p.value("variables"), variables);
    assertEquals(((Integer) p.value("remat_in_encode")).longValue(), remats(model, variables, x, ENCODE));
    assertEquals(((Integer) p.value("remat_in_call")).longValue(), remats(model, variables, x, null));
  }

  static final class Cell extends Module {
    Dense dense;

    @Override
    protected void setup() {
      dense = new Dense(2);
    }

    @Override
    protected Object forward(Object... a) {
      return Tuple.of(a[0], a[1]);
    }

    static Object step(Module m, Object... a) {
      Value c = Jnp.add(Jnp.multiply(a[0], 0.5f), ((Cell) m).dense.call((Value) a[1]));
      return Tuple.of(c, c);
    }
  }

  static final class Model extends Module {
    @Override
    protected Object forward(Object... a) {
      Lifted<Cell> s = Scan.scan().variableBroadcast("params").splitRngs("params", false).methods("step")
          .module(Cell::new);
      return s.method("step", Cell::step, a[0], a[1]);
    }
  }

  @Test
  void scanMethods() {
    SeedGoldens.Program p = GOLDENS.program("scan_methods");
    Tuple out = new Model().initWithOutput(Random.key(0), Jnp.zeros(2), p.value("xs"));
    assertTreeClose(p.value("c"), ((Tuple) out.get(0)).get(0));
    assertTreeClose(p.value("ys"), ((Tuple) out.get(0)).get(1));
    assertTreeClose(p.value("variables"), out.get(1));
  }
}
