package dev.flaxj.linen.transforms;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Value;
import dev.flaxj.core.Core;
import dev.flaxj.core.LiftJvp;
import dev.flaxj.core.ScopeFunction;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.Jax;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed examples #9-#12 of the Flax "Transformations" page (jvp in linen and in the functional core,
 * vjp, custom_vjp) and the value_and_grad / grad docstring examples of flax/linen/transforms.py,
 * against {@code seed-autodiff.json} recorded from flax 0.12.8 (programs in
 * conformance-tests/tools/seed_programs/autodiff.py). #9 is recorded with {@code
 * nn.initializers.zeros}: the page's {@code nn.initializers._init} does not exist in Flax.
 */
class AutodiffSeedTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("autodiff");
  static final ModuleMethod CALL = (mdl, a) -> mdl.call(a);

  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> variables(Object tree) {
    return (Map<String, Map<String, Object>>) tree;
  }

  @Test
  void recordedWithTheFlaxVersionOfTheIssue() {
    assertEquals("0.12.8", GOLDENS.header("flax"));
    assertEquals("0.10.2", GOLDENS.header("jax"));
  }

  /** #9. */
  static final class JvpSeed {
    static final class LearnScale extends Module {
      @Override
      protected Object forward(Object... a) {
        return Jnp.multiply(param("test", Initializers.zeros()), a[0]);
      }
    }

    static final class Foo extends Module {
      @Override
      protected Object forward(Object... a) {
        Value x = (Value) a[0];
        LearnScale scale = new LearnScale();
        Object varsT = Trees.map((Value v) -> Jnp.onesLike(v), scale.variables().getOrDefault("params", Map.of()));
        return Jvp.jvp().call(CALL, scale, new Object[] {x}, new Object[] {Jnp.zerosLike(x)},
            Map.of("params", varsT)).tangentOut();
      }
    }
  }

  @Test
  void jvpOfLearnScale() {
    SeedGoldens.Program p = GOLDENS.program("jvp_learn_scale");
    Value x = (Value) p.value("x");
    Tuple out = new JvpSeed.Foo().initWithOutput(Random.key(0), x);
    assertTreeClose(p.value("out_init"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("out_apply"), new JvpSeed.Foo().apply(variables(out.get(1)), x));
    Map<String, Object> scaled = Map.of("params", Map.of("LearnScale_0", Map.of("test", Jnp.array(1.5f))));
    assertTreeClose(p.value("out_apply_scale_2x"), new JvpSeed.Foo().apply(scaled, Jnp.multiply(x, 2.0)));
  }

  @Test
  void jvpInTheFunctionalCore() {
    SeedGoldens.Program p = GOLDENS.program("jvp_functional_core");
    ScopeFunction learnScale = (scope, a) -> Jnp.multiply(scope.param("scale", Initializers.zeros()), a[0]);
    ScopeFunction f = (scope, a) -> {
      Value x = (Value) a[0];
      Object varsT = Trees.map((Value v) -> Jnp.onesLike(v), scope.variables().getOrDefault("params", Map.of()));
      return LiftJvp.jvp().call(learnScale, scope, new Object[] {x}, new Object[] {Jnp.zerosLike(x)},
          Map.of("params", varsT)).tangentOut();
    };
    Value x = (Value) p.value("x");
    Tuple out = Core.init(f).call(Random.key(0), x);
    assertTreeClose(p.value("out_init"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("out_apply"), Core.apply(f).call(variables(out.get(1)), null, x));
    assertTreeClose(p.value("out_apply_scale_2x"), Core.apply(f).call(
        Map.of("params", Map.of("scale", Jnp.array(1.5f))), null, Jnp.multiply(x, 2.0)));
  }

  /** The LearnScale {@code p * x * y} of #11 and of the value_and_grad and grad docstrings. */
  static final class LearnScale extends Module {
    @Override
    protected Object forward(Object... a) {
      return Jnp.multiply(Jnp.multiply(param("scale", Initializers.zeros()), a[0]), a[1]);
    }
  }

  static final Map<String, Object> SCALE_1_5 = Map.of("params", Map.of("LearnScale_0", Map.of("scale",
      Jnp.array(1.5f))));

  /** #11. */
  static final class VjpFoo extends Module {
    @Override
    protected Object forward(Object... a) {
      VjpOutput out = Vjp.vjp().call(CALL, new LearnScale(), a[0], a[1]);
      Tuple grads = (Tuple) out.vjpFn().apply(Jnp.ones(((Value) out.primalOut()).shape().dims()));
      return Tuple.of(out.primalOut(), grads.get(0), grads.get(1), grads.get(2));
    }
  }

  @Test
  void vjpOfLearnScale() {
    SeedGoldens.Program p = GOLDENS.program("vjp_learn_scale");
    Object x = p.value("x");
    Object y = p.value("y");
    Tuple out = new VjpFoo().initWithOutput(Random.key(0), x, y);
    assertTreeClose(p.value("out_init"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("out_apply_scale"), new VjpFoo().apply(SCALE_1_5, x, y));
  }

  /** #12. */
  static final class SignGradFoo extends Module {
    @Override
    protected Object forward(Object... a) {
      ModuleMethod f = CALL;
      ModuleMethod fwd = (mdl, b) -> {
        VjpOutput out = Vjp.vjp().call(f, mdl, b);
        return Tuple.of(out.primalOut(), out.vjpFn());
      };
      TreeFunction bwd = b -> {
        List<Object> grads = new ArrayList<>(((Tuple) ((TreeFunction) b[0]).apply(b[1])).items());
        grads.set(0, Trees.map((Value g) -> Jnp.sign(g), grads.get(0)));
        return new Tuple(grads);
      };
      ModuleMethod signGrad = CustomVjp.customVjp().build(f, fwd, bwd);
      return Jnp.reshape((Value) signGrad.call(new Dense(1), a[0]));
    }
  }

  @Test
  void customVjpSignGradient() {
    SeedGoldens.Program p = GOLDENS.program("custom_vjp_sign_grad");
    Object x = p.value("x");
    Map<String, Map<String, Object>> vars = new SignGradFoo().init(Random.key(0), x);
    assertTreeClose(p.value("variables"), vars);
    Object grad = Jax.grad(a -> new SignGradFoo().apply(variables(a[0]), x)).apply(vars);
    assertTreeClose(p.value("grad"), grad);
    assertTreeClose(p.value("y"), new SignGradFoo().apply(vars, x));
  }

  @Test
  void customVjpSignGradientOfMixedSigns() {
    SeedGoldens.Program p = GOLDENS.program("custom_vjp_sign_grad_ramp");
    Object x = p.value("x");
    Map<String, Map<String, Object>> vars = new SignGradFoo().init(Random.key(0), x);
    assertTreeClose(p.value("variables"), vars);
    Object grad = Jax.grad(a -> new SignGradFoo().apply(variables(a[0]), a[1])).argnums(0, 1).apply(vars, x);
    assertTreeClose(p.value("grad"), grad);
  }

  /** The value_and_grad docstring example. */
  static final class ValueAndGradFoo extends Module {
    @Override
    protected Object forward(Object... a) {
      Tuple r = ValueAndGrad.valueAndGrad().call(CALL, new LearnScale(), a[0], a[1]);
      Tuple grads = (Tuple) r.get(1);
      return Tuple.of(r.get(0), grads.get(0), grads.get(1));
    }
  }

  @Test
  void valueAndGradDocstringExample() {
    SeedGoldens.Program p = GOLDENS.program("value_and_grad_docstring");
    Object x = p.value("x");
    Object y = p.value("y");
    Tuple out = new ValueAndGradFoo().initWithOutput(Random.key(0), x, y);
    assertTreeClose(p.value("out_init"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("out_apply_scale"), new ValueAndGradFoo().apply(SCALE_1_5, x, y));
  }

  /** The grad docstring example. */
  static final class GradFoo extends Module {
    @Override
    protected Object forward(Object... a) {
      Tuple grads = ValueAndGrad.grad().call(CALL, new LearnScale(), a[0], a[1]);
      return Tuple.of(grads.get(0), grads.get(1));
    }
  }

  @Test
  void gradDocstringExample() {
    SeedGoldens.Program p = GOLDENS.program("grad_docstring");
    Object x = p.value("x");
    Object y = p.value("y");
    Tuple out = new GradFoo().initWithOutput(Random.key(0), x, y);
    assertTreeClose(p.value("out_init"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
    assertTreeClose(p.value("out_apply_scale"), new GradFoo().apply(SCALE_1_5, x, y));
  }
}
