package dev.flaxj.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.graalvm.polyglot.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Python {@code jax} package on one shared session (fresh globals per snippet). Expected
 * texts were printed by jax 0.10.2 on CPython for the same expressions.
 */
class JaxPackageTest {
  private static Sessions py;

  @BeforeAll
  static void open() {
    py = Sessions.readOnly(Path.of("").toAbsolutePath());
  }

  @AfterAll
  static void close() {
    py.close();
  }

  private static String eval(String setup, String expr) {
    Value g = py.session.exec("snippet", setup + "\n_result = " + expr);
    return g.getHashValue("_result").asString();
  }

  private static String repr(String expr) {
    return eval("import jax, jax.numpy as jnp", "repr(" + expr + ")");
  }

  @Test
  void arraysPrintAsJaxPrintsThem() {
    // from jax 0.10.2
    assertEquals("Array([[1., 1., 1.],\n       [1., 1., 1.]], dtype=float32)", repr("jnp.ones((2, 3))"));
    assertEquals("Array([0, 1, 2, 3, 4], dtype=int32)", repr("jnp.arange(5)"));
    assertEquals("Array([ 0.1 ,  2.5 , -3.25], dtype=float32)", repr("jnp.array([0.1, 2.5, -3.25])"));
    assertEquals("Array(3., dtype=float32, weak_type=True)", repr("jnp.array(3.0)"));
    assertEquals("Array(True, dtype=bool)", repr("jnp.array(True)"));
    assertEquals("Array([1.e-05, 1.e+00], dtype=float32)", repr("jnp.array([1e-5, 1.0])"));
    assertEquals("Array([1.5, nan, inf], dtype=float32)", repr("jnp.array([1.5, float('nan'), float('inf')])"));
    assertEquals("Array([], shape=(2, 0), dtype=float32)", repr("jnp.zeros((2, 0))"));
    assertEquals("Array([0.000e+00, 1.000e+00, 2.000e+00, ..., 1.997e+03, 1.998e+03,\n"
        + "       1.999e+03], dtype=float32)", repr("jnp.arange(2000.)"));
    assertEquals("Array([[ 1.6226422 ,  2.0252647 , -0.43359444],\n"
        + "       [-0.07861735,  0.1760909 , -0.97208923]], dtype=float32)",
        repr("jax.random.normal(jax.random.key(0), (2, 3))"));
    assertEquals("Array((), dtype=key<fry>) overlaying:\n[0 0]", repr("jax.random.key(0)"));
    assertEquals("[[1. 1. 1.]\n [1. 1. 1.]]", eval("import jax.numpy as jnp", "str(jnp.ones((2, 3)))"));
  }

  @Test
  void transformationsTracePythonFunctions() {
    String setup = "import jax, jax.numpy as jnp";
    // from jax 0.10.2: grad of sum(x**2) at [0,1,2] is [0,2,4]
    assertEquals("Array([0., 2., 4.], dtype=float32)",
        eval(setup, "repr(jax.grad(lambda x: jnp.sum(x ** 2))(jnp.arange(3.)))"));
    assertEquals("Array([0, 2, 4], dtype=int32)",
        eval(setup, "repr(jax.vmap(lambda a: a * 2)(jnp.arange(3)))"));
    assertEquals("(Array(6., dtype=float32), Array([0., 0., 2., 6.], dtype=float32))",
        eval(setup, "repr(jax.lax.scan(lambda c, x: (c + x, c * 2), 0., jnp.arange(4.)))"));
    assertEquals("{'w': Array([3., 3.], dtype=float32)}",
        eval(setup, "repr(jax.grad(lambda p: (p['w'] * 3.).sum())({'w': jnp.ones(2)}))"));
    assertEquals("Array([[2., 2.],\n       [2., 2.]], dtype=float32)",
        eval(setup, "repr(jax.jit(lambda a, b: a @ b)(jnp.ones((2, 2)), jnp.ones((2, 2))))"));
    assertEquals("Array([2., 4., 6.], dtype=float32)",
        eval(setup, "repr(jax.vmap(lambda p, x: x * p, in_axes=(None, 0))(2., jnp.arange(1., 4.)))"));
    assertEquals("Array([[2., 0.],\n       [0., 2.]], dtype=float32)",
        eval(setup, "repr(jax.jacfwd(lambda x: x ** 2)(jnp.ones(2)))"));
    assertEquals("ShapeDtypeStruct(shape=(3, 3), dtype=float32)",
        eval(setup, "repr(jax.eval_shape(lambda x: x @ x, jnp.ones((3, 3))))"));
    // from jax 0.10.2: jax.nn.initializers.lecun_normal()(jax.random.key(0), (2, 2))
    assertEquals("Array([[ 1.1704054,  1.3784391],\n       [-0.3317383, -0.0603173]], dtype=float32)",
        eval(setup, "repr(jax.nn.initializers.lecun_normal()(jax.random.key(0), (2, 2)))"));
  }

  @Test
  void savedResidualsPrintAsJaxPrintsThem() {
    String setup = String.join("\n",
        "import io, contextlib, jax, jax.numpy as jnp",
        "from jax.ad_checkpoint import print_saved_residuals, checkpoint_name",
        "def f(x):",
        "    return jnp.cos(checkpoint_name(jnp.sin(x), 'y')).sum()",
        "buf = io.StringIO()",
        "with contextlib.redirect_stdout(buf):",
        "    print_saved_residuals(f, jnp.ones(3))");
    // from jax 0.10.2, which also appends the source position (" from <file>:5:22 (f)")
    assertEquals("f32[3] output of cos\nf32[3] output of sin\n", eval(setup, "buf.getvalue()"));
  }

  @Test
  void pytreesKeepPythonTypesAcrossJava() {
    String setup = String.join("\n",
        "import jax, jax.numpy as jnp",
        "class Box:",
        "    def __init__(self, v): self.v = v",
        "jax.tree_util.register_pytree_node(Box, lambda b: ((b.v,), None), lambda a, c: Box(*c))",
        "tree = {'z': [1, (2.0, None)], 'a': Box(jnp.ones(2)), 's': 'text'}",
        "from jax._src.bridge import to_java, from_java",
        "back = from_java(to_java(tree))");
    assertEquals("['z', 'a', 's']", eval(setup, "repr(list(back))"));
    assertEquals("[1, (2.0, None)]", eval(setup, "repr(back['z'])"));
    assertEquals("True", eval(setup, "repr(type(back['a']) is Box and back['s'] == 'text')"));
    assertEquals("PyTreeDef({'a': CustomNode(Box[None], [*]), 's': *, 'z': [*, (*, None)]})",
        eval(setup, "repr(jax.tree_util.tree_structure(tree))"));
    assertEquals("Array([2., 2.], dtype=float32)",
        eval(setup, "repr(jax.jit(lambda t: t['a'].v * 2)(tree | {'s': 0}).block_until_ready())"));
  }

  @Test
  void javaErrorsBecomePythonExceptions() {
    String setup = String.join("\n",
        "import jax, jax.numpy as jnp",
        "def catch(f):",
        "    try:",
        "        f()",
        "    except Exception as e:",
        "        return type(e).__name__ + ': ' + str(e).splitlines()[0]");
    assertEquals("TypeError: add: incompatible shapes for broadcasting: (3,) and (4,)",
        eval(setup, "catch(lambda: jnp.ones(3) + jnp.ones(4))"));
    assertEquals("TracerBoolConversionError: Attempted boolean conversion of traced array with shape bool[].",
        eval(setup, "catch(lambda: jax.jit(lambda x: x if x > 0 else -x)(1.0))"));
    assertTrue(eval(setup, "catch(lambda: jax.jit(lambda x: 1 / 0)(1.0))")
        .startsWith("ZeroDivisionError"));
    assertTrue(eval(setup, "str(isinstance(catch(lambda: jax.jit(lambda x: x)(1.0)), type(None)))")
        .equals("True"));
  }
}
