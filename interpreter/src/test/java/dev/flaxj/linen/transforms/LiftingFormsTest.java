package dev.flaxj.linen.transforms;

import static dev.flaxj.goldens.SeedGoldens.assertTreeClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaxj.array.Value;
import dev.flaxj.errors.TransformedMethodReturnValueError;
import dev.flaxj.goldens.SeedGoldens;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.Module;
import dev.flaxj.linen.ModuleMethod;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lifting mechanism itself: names, several lifted scopes, methods, return values. */
class LiftingFormsTest {
  static final SeedGoldens GOLDENS = SeedGoldens.load("vmap_scan_checkpoint");

  static Vmap stacked() {
    return Vmap.vmap().variableAxes("params", 0).splitRngs("params", true);
  }

  static final class TwoModules extends Module {
    @Override
    protected Object forward(Object... a) {
      Dense first = new Dense(2, "a");
      Dense second = new Dense(2, "b");
      ModuleMethod f = stacked().function((mdl, args) ->
          Jnp.add(((Dense) mdl).call((Value) args[1]), ((Dense) args[0]).call((Value) args[1])));
      return f.call(first, second, a[0]);
    }
  }

  @Test
  void moduleArgumentsAreLiftedWithTheirScopes() {
    SeedGoldens.Program p = GOLDENS.program("vmap_module_argument");
    Tuple out = new TwoModules().initWithOutput(Random.key(0), p.value("x"));
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
  }

  static final class ParentAndChild extends Module {
    @Override
    protected Object forward(Object... a) {
      Dense d = new Dense(2);
      ModuleMethod f = stacked().function((mdl, args) ->
          Jnp.add(((Dense) args[0]).call((Value) args[1]), new Dense(2, "own").call((Value) args[1])));
      Value y = (Value) f.call(this, d, a[0]);
      return Jnp.add(y, new Dense(2).call((Value) a[0]));
    }
  }

  @Test
  void aChildScopeIsPackedUnderItsParentAndNamesContinueAfterTheTransform() {
    SeedGoldens.Program p = GOLDENS.program("vmap_child_and_parent_scopes");
    Tuple out = new ParentAndChild().initWithOutput(Random.key(0), p.value("x"));
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
  }

  static final class Named extends Module {
    @Override
    protected Object forward(Object... a) {
      Value x = (Value) a[0];
      Value y1 = (Value) stacked().module(() -> new Dense(2)).call(x);
      Value y2 = (Value) stacked().module("mine", () -> new Dense(2)).call(x);
      Value y3 = (Value) stacked().module(() -> new Dense(2)).call(x);
      return Jnp.add(Jnp.add(y1, y2), y3);
    }
  }

  @Test
  void classFormNamesFollowTheTransformedClass() {
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) new Named().init(Random.key(0), Jnp.ones(3, 4)).get("params");
    assertEquals(Set.of("VmapDense_0", "mine", "VmapDense_1"), params.keySet());
    assertEquals("CheckpointDense", Checkpoint.remat().className(Dense.class));
    assertEquals("ScanDense", Scan.scan().className(Dense.class));
  }

  /** setup-style module with a second method that is not transformed. */
  static final class Twice extends Module {
    Dense dense;

    @Override
    protected void setup() {
      dense = new Dense(2);
    }

    @Override
    protected Object forward(Object... a) {
      return dense.call((Value) a[0]);
    }
  }

  static final class UsesUntransformedMethod extends Module {
    @Override
    protected Object forward(Object... a) {
      Lifted<Twice> t = Vmap.vmap().variableAxes("params", null).splitRngs("params", false).module(Twice::new);
      Value batched = (Value) t.call(a[0]);
      Value single = (Value) t.method("first", (m, args) -> ((Twice) m).dense.call((Value) args[0]),
          Jnp.index((Value) a[0], dev.flaxj.numpy.Index.at(0)));
      return Tuple.of(batched, single);
    }
  }

  @Test
  void methodsNotListedRunUntransformedOnTheSameScope() {
    Tuple out = (Tuple) new UsesUntransformedMethod().initWithOutput(Random.key(0), Jnp.ones(3, 4)).get(0);
    Value batched = (Value) out.get(0);
    Value single = (Value) out.get(1);
    assertEquals(List.of(3, 2), List.of(batched.shape().dim(0), batched.shape().dim(1)));
    // shared params: the untransformed call on row 0 equals row 0 of the vmapped call
    float[] b = ((dev.flaxj.array.Array) batched).rawFloats();
    float[] s = ((dev.flaxj.array.Array) single).rawFloats();
    assertEquals(b[0], s[0], 0f);
    assertEquals(b[1], s[1], 0f);
  }

  @Test
  void perMethodTransformsWithAMethodsMap() {
    Vmap encode = Vmap.vmap().variableAxes("params", 0).splitRngs("params", true);
    Vmap call = Vmap.vmap().variableAxes("params", 0).splitRngs("params", true);
    Module holder = new Module() {
      @Override
      protected Object forward(Object... a) {
        Lifted<LinenVmapTest.Enc> l = Vmap.vmap().methods(Map.of("encode", encode, "__call__", call))
            .module(LinenVmapTest.Enc::new);
        return l.method("encode", LinenVmapTest.Enc::encode, a[0]);
      }
    };
    SeedGoldens.Program p = GOLDENS.program("vmap_methods");
    Tuple out = holder.initWithOutput(Random.key(0), p.value("x"));
    assertTreeClose(p.value("y"), out.get(0));
  }

  static final class ReturnsModuleFromClassForm extends Module {
    @Override
    protected Object forward(Object... a) {
      return Checkpoint.checkpoint().module(ReturnsSelf::new).call(a[0]);
    }
  }

  static final class ReturnsSelf extends Module {
    @Override
    protected Object forward(Object... a) {
      return this;
    }
  }

  @Test
  void classFormReturningAModuleNamesCall() {
    TransformedMethodReturnValueError e = assertThrows(TransformedMethodReturnValueError.class,
        () -> new ReturnsModuleFromClassForm().init(Random.key(0), Jnp.ones(2)));
    assertEquals("Transformed module method __call__ cannot return Modules or Variables. "
        + "(https://flax.readthedocs.io/en/latest/api_reference/flax.errors.html"
        + "#flax.errors.TransformedMethodReturnValueError)", e.getMessage());
  }

  /** Holds a module bound elsewhere, as Flax's {@code shared: nn.Module} dataclass field. */
  static final class Child extends Module {
    final Module shared;

    Child(Module shared) {
      this.shared = shared;
    }

    @Override
    protected Object forward(Object... a) {
      Value x = (Value) a[0];
      return Jnp.add(((Dense) shared).call(x), new Dense(2).call(x));
    }
  }

  static final class Parent extends Module {
    @Override
    protected Object forward(Object... a) {
      Dense shared = new Dense(2, "shared");
      return stacked().module(() -> new Child(shared)).call(a[0]);
    }
  }

  @Test
  void aBoundModuleInAFieldIsLiftedWithItsHolder() {
    SeedGoldens.Program p = GOLDENS.program("vmap_module_in_a_field");
    Tuple out = new Parent().initWithOutput(Random.key(0), p.value("x"));
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
  }

  static final class VariableArgument extends Module {
    @Override
    protected Object forward(Object... a) {
      dev.flaxj.linen.Variable v = variable("state", "acc", args -> Jnp.zeros());
      ModuleMethod f = Checkpoint.checkpoint().function((mdl, args) -> {
        dev.flaxj.linen.Variable inner = (dev.flaxj.linen.Variable) args[0];
        inner.setValue(Jnp.add(inner.value(), Jnp.sum((Value) args[1])));
        return new Dense(2).call((Value) args[1]);
      });
      return f.call(this, v, a[0]);
    }
  }

  @Test
  void aVariableArgumentIsLiftedAndItsUpdatePublished() {
    SeedGoldens.Program p = GOLDENS.program("checkpoint_variable_argument");
    Tuple out = new VariableArgument().initWithOutput(Random.key(0), p.value("x"));
    assertTreeClose(p.value("y"), out.get(0));
    assertTreeClose(p.value("variables"), out.get(1));
    Tuple applied = (Tuple) new VariableArgument().apply(LinenVmapTest.vars(out.get(1)),
        dev.flaxj.linen.ApplyOptions.none().mutable(List.of("state")), p.value("x"));
    assertTreeClose(p.value("y_apply"), applied.get(0));
    assertTreeClose(p.value("state"), applied.get(1));
  }
}
