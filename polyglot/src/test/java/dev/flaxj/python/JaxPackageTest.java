package dev.flaxj.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
    return py.result(setup + "\n_result = " + expr);
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
    // from jax 0.10.2 (the snippet is compiled as file "snippet")
    assertEquals("f32[3] output of cos from snippet:4:35 (f)\n"
        + "f32[3] output of sin from snippet:4:11 (f)\n", eval(setup, "buf.getvalue()"));
    String more = String.join("\n", setup,
        "buf = io.StringIO()",
        "with contextlib.redirect_stdout(buf):",
        "    print_saved_residuals(lambda d: (d['a'] * jnp.sin(d['b'])).sum(),",
        "                          {'a': jnp.ones(3), 'b': jnp.ones(3)})",
        "    print_saved_residuals(jax.jit(f), jnp.ones(3))");
    // from jax 0.10.2, running the same lines compiled as "snippet"
    assertEquals("f32[3] from the argument d['a']\n"
        + "f32[3] output of sin from snippet:10:46 (<lambda>)\n"
        + "f32[3] output of cos from snippet:10:46 (<lambda>)\n"
        + "f32[3] output of jitted function 'f' from \n"
        + "f32[3] output of jitted function 'f' from \n", eval(more, "buf.getvalue()"));
    String policy = String.join("\n", setup,
        "buf = io.StringIO()",
        "with contextlib.redirect_stdout(buf):",
        "    print_saved_residuals(jax.checkpoint(f, policy=jax.checkpoint_policies.nothing_saveable),"
            + " jnp.ones(3))");
    assertEquals("f32[3] from the argument x\n", eval(policy, "buf.getvalue()")); // from jax 0.10.2
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
  private static final String CATCH = String.join("\n",
      "import jax, jax.numpy as jnp",
      "def catch(f):",
      "    try:",
      "        return repr(f())",
      "    except Exception as e:",
      "        return type(e).__name__ + ': ' + str(e).splitlines()[0]");

  @Test
  void badInputToTransformationsRaisesJaxsExceptionClass() {
    String setup = String.join("\n", CATCH,
        "@jax.custom_vjp",
        "def cv(x, y): return x * y",
        "cv.defvjp(lambda x, y: (x * y, (x, y)), lambda r, g: (g,))",
        "@jax.custom_vjp",
        "def cv2(x, y): return x * y",
        "cv2.defvjp(lambda x, y: (x * y, (x, y)), lambda r, g: (g, jnp.ones(2)))",
        "def undefined(x): return x");
    // from jax 0.10.2 (TypeError, except the last: ValueError)
    assertEquals("TypeError: primal and tangent arguments to jax.jvp must have the same tree "
        + "structure; primals have tree structure PyTreeDef((*, *)) whereas tangents have tree "
        + "structure PyTreeDef((*,)).",
        eval(setup, "catch(lambda: jax.jvp(lambda x, y: x, (1., 2.), (1.,)))"));
    assertEquals("TypeError: Gradient only defined for scalar-output functions. Output had "
        + "shape: (2,).", eval(setup, "catch(lambda: jax.grad(lambda x: x)(jnp.ones(2)))"));
    assertEquals("TypeError: Custom VJP bwd rule must produce an output with the same container "
        + "(pytree) structure as the args tuple of the primal function, and in particular must "
        + "produce a tuple of length equal to the number of arguments to the primal function, but "
        + "got bwd output structure PyTreeDef((*,)) for primal input structure PyTreeDef((*, *)).",
        eval(setup, "catch(lambda: jax.grad(cv)(1., 2.))"));
    assertEquals("TypeError: grad requires real- or complex-valued inputs (input dtype that is a "
        + "sub-dtype of np.inexact), but got int32. If you want to use Boolean- or integer-valued "
        + "inputs, use vjp or set allow_int to True.",
        eval(setup, "catch(lambda: jax.grad(lambda x: x)(1))"));
    assertEquals("TypeError: cond branch outputs must have the same pytree structure, but they "
        + "differ:", eval(setup,
            "catch(lambda: jax.lax.cond(True, lambda x: (x, x), lambda x: x, 1.))"));
    assertEquals("ValueError: Custom VJP bwd rule must produce an output with the same type as "
        + "the args tuple of the primal function, but at output[1] the bwd rule produced an "
        + "output of type float32[2] corresponding to an input of type float32[], so the shapes "
        + "do not match", eval(setup, "catch(lambda: jax.grad(cv2)(1., 2.))"));
    assertEquals("AttributeError: No VJP defined for custom_vjp function undefined using defvjp.",
        eval(setup, "catch(lambda: jax.custom_vjp(undefined)(1.))"));
  }

  @Test
  void tracersPrintAsJaxPrintsThem() {
    String setup = String.join("\n",
        "import jax, jax.numpy as jnp",
        "seen = []",
        "def show(x):",
        "    seen.append(repr(x))",
        "    return x",
        "jax.grad(lambda x: show(x) * 2)(1.)",
        "jax.grad(lambda x: show(x).sum())(jnp.ones(3))",
        "jax.jit(show)(jnp.ones((2, 3)))",
        "jax.jit(show)(1)",
        "jax.vmap(show)(jnp.ones((2, 3)))",
        "jax.jvp(show, (jnp.ones(2),), (jnp.ones(2),))",
        "jax.jit(jax.grad(lambda x: show(x) * 2))(1.)",
        "jax.jit(show)(jax.random.key(0))");
    // from jax 0.10.2
    assertEquals(String.join("\n",
        "GradTracer(primal=1.0, typeof(tangent)=f32[])",
        "GradTracer(primal=[1. 1. 1.], typeof(tangent)=f32[3])",
        "JitTracer(float32[2,3])",
        "JitTracer(~int32[])",
        "VmapTracer(aval=float32[3], batched=float32[2,3])",
        "JVPTracer(primal=[1. 1.], tangent=[1. 1.])",
        "GradTracer(primal=JitTracer(~float32[]), typeof(tangent)=f32[])",
        "JitTracer(key<fry>[])"), eval(setup, "'\\n'.join(seen)"));
    // from jax 0.10.2: numpy's str of 0-d float arrays
    assertEquals("1.0 0.1 1e-05 1.2345679e+08 3", eval("import jax.numpy as jnp",
        "' '.join(str(jnp.array(v)) for v in (1., 0.1, 1e-5, 123456789., 3))"));
  }

  @Test
  void vjpAndJacobiansTakeHasAuxAndArgnums() {
    String setup = "import jax, jax.numpy as jnp";
    // from jax 0.10.2 (which gives the aux as a Python float where flaxj gives a weak Array)
    assertEquals("(Array(6., dtype=float32, weak_type=True), (Array(2., dtype=float32, "
        + "weak_type=True),), {'a': Array(3., dtype=float32, weak_type=True)})", eval(setup,
            "repr((lambda o: (o[0], o[1](1.), o[2]))(jax.vjp(lambda x: (x * 2, {'a': x}), 3., "
            + "has_aux=True)))"));
    assertEquals("(Array(0.84147096, dtype=float32, weak_type=True), Array(1.0806046, "
        + "dtype=float32, weak_type=True), {'c': Array(2., dtype=float32, weak_type=True)})",
        eval(setup, "repr((lambda o: (o[0], o[1](2.), o[2]))(jax.linearize(lambda x: "
            + "(jnp.sin(x), {'c': x * 2}), 1., has_aux=True)))"));
    assertEquals("Array([[2., 0.],\n       [0., 2.]], dtype=float32)",
        eval(setup, "repr(jax.jacfwd(lambda x, y: x * y, argnums=1)(2., jnp.ones(2)))"));
    assertEquals("((Array([1., 1.], dtype=float32), Array([[2., 0.],\n       [0., 2.]], "
        + "dtype=float32)), Array(2., dtype=float32, weak_type=True))", eval(setup,
            "repr(jax.jacfwd(lambda x, y: (x * y, x), argnums=(0, 1), has_aux=True)(2., "
            + "jnp.ones(2)))"));
  }

  @Test
  void sortingAndSelectionFollowJaxNumpy() {
    String setup = String.join("\n", CATCH,
        "x = jnp.array([[0., 1., 2.], [3., 0., 5.]])");
    // from jax 0.10.2
    assertEquals("Array([-1.,  1.,  2.,  3., nan], dtype=float32)",
        eval(setup, "repr(jnp.sort(jnp.array([3., 1., 2., jnp.nan, -1.])))"));
    assertEquals("Array([3, 2, 1], dtype=int32)",
        eval(setup, "repr(jnp.sort(jnp.array([3, 1, 2]), descending=True))"));
    assertEquals("Array([0, 2, 1, 3], dtype=int32)",
        eval(setup, "repr(jnp.argsort(jnp.array([3., 1., 2., 1.]), descending=True))"));
    assertEquals("Array([0, 4, 1, 2, 3, 5], dtype=int32)",
        eval(setup, "repr(jnp.argsort(x, axis=None))"));
    assertEquals("Array([2., 0., 1.], dtype=float32)", eval(setup,
        "repr(jax.grad(lambda a: (jnp.sort(a) * jnp.arange(3.)).sum())(jnp.array([3., 1., 2.])))"));
    assertEquals("Array([ 4., nan,  2.], dtype=float32)",
        eval(setup, "repr(jnp.take(jnp.arange(5.), jnp.array([-1, 5, 2])))"));
    assertEquals("Array([[[2., 0.]],\n\n       [[5., 3.]]], dtype=float32)",
        eval(setup, "repr(jnp.take(x, jnp.array([[2, 0]]), axis=1))"));
    assertEquals("Array([4., 2.], dtype=float32)",
        eval(setup, "repr(jnp.arange(5.).take(jnp.array([-1, 7]), mode='wrap'))"));
    assertEquals("Array([[0., 1., 2.],\n       [0., 3., 5.]], dtype=float32)",
        eval(setup, "repr(jnp.take_along_axis(x, jnp.argsort(x, axis=1), axis=1))"));
    assertEquals("Array([[nan,  0.,  2.]], dtype=float32)",
        eval(setup, "repr(jnp.take_along_axis(x, jnp.array([[3, -1, 0]]), axis=0))"));
    assertEquals("Array([[1., 0.],\n       [5., 5.]], dtype=float32)", eval(setup,
        "repr(jax.vmap(lambda a, i: jnp.take_along_axis(a, i, axis=0))(x, "
        + "jnp.array([[1, 0], [2, 2]])))"));
    assertEquals("(Array([0, 0, 1, 1], dtype=int32), Array([1, 2, 0, 2], dtype=int32))",
        eval(setup, "repr(jnp.where(x))"));
    assertEquals("(Array([ 0,  0,  1,  1, -1], dtype=int32), Array([ 1,  2,  0,  2, -1], "
        + "dtype=int32))",
        eval(setup, "repr(jax.jit(lambda a: jnp.where(a, size=5, fill_value=-1))(x))"));
    assertEquals("ConcretizationTypeError: Abstract tracer value encountered where concrete "
        + "value is expected: traced array with shape int32[]",
        eval(setup, "catch(lambda: jax.jit(lambda a: jnp.where(a))(x))"));
    assertEquals("TypeError: take requires ndarray or scalar arguments, got <class 'list'> at "
        + "position 1.", eval(setup, "catch(lambda: jnp.take(jnp.arange(5.), [1, 2]))"));
    assertEquals("(Array([1., 2., 3.], dtype=float32), Array([1, 2, 0], dtype=int32))",
        eval(setup, "repr(jax.lax.sort_key_val(jnp.array([3., 1., 2.]), jnp.array([0, 1, 2])))"));
    assertEquals("(Array([0, 1, 1], dtype=int32), Array([3., 1., 2.], dtype=float32))", eval(setup,
        "repr(jax.lax.sort([jnp.array([1, 1, 0]), jnp.array([2., 1., 3.])], num_keys=2))"));
  }

  @Test
  void jitTracesKeywordArgumentsUnlessStatic() {
    String setup = CATCH;
    // from jax 0.10.2
    assertEquals("Array(6., dtype=float32, weak_type=True)",
        eval(setup, "repr(jax.jit(lambda a, b=1.: a * b)(2., b=3.))"));
    assertEquals("TracerBoolConversionError: Attempted boolean conversion of traced array with "
        + "shape bool[].", eval(setup, "catch(lambda: jax.jit(lambda a, b: a if b > 0 else -a)"
            + "(2., b=3.))"));
    assertEquals("Array(4., dtype=float32, weak_type=True)", eval(setup,
        "repr(jax.jit(lambda a, b: a * 2 if b == 'x' else a, static_argnames='b')(2., b='x'))"));
    assertEquals("Array(4., dtype=float32, weak_type=True)", eval(setup,
        "repr(jax.jit(lambda a, b: a * 2 if b == 'x' else a, static_argnames='b')(2., 'x'))"));
    assertTrue(eval(setup, "catch(lambda: jax.jit(lambda a, b: a)(2., b='x'))").endsWith(
        "as an abstract array. The problematic value is of type <class 'str'> and was passed to "
        + "the function at path b."));
    String counted = String.join("\n", setup,
        "f = jax.jit(lambda a, b: a * b)",
        "f(1., b=2.)",
        "f(1., b=3.)");
    assertEquals("1", eval(counted, "str(f._flaxj_jitted.traceCount())"));
  }
}
