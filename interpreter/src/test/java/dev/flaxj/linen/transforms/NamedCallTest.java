package dev.flaxj.linen.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaxj.array.Array;
import dev.flaxj.array.Value;
import dev.flaxj.linen.Dense;
import dev.flaxj.linen.MethodTransform;
import dev.flaxj.linen.Module;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedCallTest {
  /** {@code @nn.named_call @nn.compact def __call__(self, x): return nn.Dense(2)(x)}. */
  static final class Foo extends Module {
    Foo(String name) {
      super(name);
    }

    @Override
    protected MethodTransform forwardTransform() {
      return NamedCall.namedCall();
    }

    @Override
    protected Object forward(Object... a) {
      return new Dense(2).call((Value) a[0]);
    }
  }

  @Test
  void profilingNamesAsFlax() {
    // from flax 0.12.8: _derive_profiling_name(Foo(), __call__ / encode), Foo(name='dense')
    assertEquals("Foo", NamedCall.profilingName(new Foo(null), "__call__"));
    assertEquals("Foo.encode", NamedCall.profilingName(new Foo(null), "encode"));
    String[] named = new String[1];
    new Parent(named).init(Random.key(0), Jnp.ones(1, 3));
    assertEquals("dense", named[0]);
  }

  /** Records the profiling name of its child {@code Foo(name='dense')}. */
  static final class Parent extends Module {
    final String[] named;

    Parent(String[] named) {
      this.named = named;
    }

    @Override
    protected Object forward(Object... a) {
      Foo child = new Foo("dense");
      named[0] = NamedCall.profilingName(child, "__call__");
      return child.call(a);
    }
  }

  @Test
  void theLabelledMethodKeepsItsNamesAndValues() {
    Map<String, Map<String, Object>> v = new Foo(null).init(Random.key(0), Jnp.ones(1, 3));
    // from flax 0.12.8: Foo().init(key(0), ones((1, 3))) — no transform boundary, so Dense_0 directly
    Array kernel = (Array) ((Map<?, ?>) v.get("params").get("Dense_0")).get("kernel");
    assertArrayEquals(new float[] {-0.9536668658256531f, 0.43564045429229736f, -0.7954443693161011f,
        -0.49191567301750183f, 0.5308102965354919f, 0.7410994172096252f}, kernel.rawFloats());
    Array y = (Array) new Foo(null).apply(v, Jnp.ones(1, 3));
    assertArrayEquals(new float[] {-1.2183008193969727f, 0.6848242282867432f}, y.rawFloats());
  }
}
