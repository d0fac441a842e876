package dev.flaxj.python;

import dev.flaxj.array.DType;
import dev.flaxj.array.Shape;
import dev.flaxj.array.ShapedArray;
import dev.flaxj.nn.Activations;
import dev.flaxj.nn.Initializer;
import dev.flaxj.nn.Initializers;
import dev.flaxj.numpy.IndexUpdate;
import dev.flaxj.numpy.Jnp;
import dev.flaxj.random.Random;
import dev.flaxj.transform.Jax;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.batching.Vmap;
import dev.flaxj.transform.control.ControlFlow;
import dev.flaxj.transform.custom.CustomJvp;
import dev.flaxj.transform.custom.CustomVjp;
import dev.flaxj.transform.ir.ClosedJaxpr;
import dev.flaxj.transform.jvp.JvpOutput;
import dev.flaxj.transform.partial.Grad;
import dev.flaxj.transform.partial.Hessian;
import dev.flaxj.transform.partial.Jacrev;
import dev.flaxj.transform.partial.LinearizeOutput;
import dev.flaxj.transform.partial.VjpOutput;
import dev.flaxj.transform.remat.Checkpoint;
import dev.flaxj.transform.staging.Jitted;
import dev.flaxj.transform.staging.MakeJaxpr;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import java.util.List;

/**
 * Everything of Java that Python code can reach, in one list (the sandbox's host-access allow-list
 * is built from it; nothing else is visible, and Python cannot look up Java classes by name).
 * {@code jax._src.bridge.java.NAME} is the class {@code NAME} of {@link #FACADES}.
 */
public final class Bridges {
  private Bridges() {}

  /** Published to Python under their simple names; Python calls their public static methods. */
  static final List<Class<?>> FACADES = List.of(
      PyBridge.class,
      PyArrays.class,
      PyTracers.class,
      Jax.class,
      Jnp.class,
      dev.flaxj.lax.Lax.class,
      Random.class,
      ControlFlow.class,
      Trees.class,
      Initializers.class,
      Activations.class,
      Checkpoint.class,
      dev.flaxj.transform.remat.CheckpointPolicies.class,
      dev.flaxj.transform.remat.SavedResiduals.class,
      dev.flaxj.python.flax.FlaxBridge.class
  );

  /** Types of objects Python is handed and may call public methods of (builders, outputs). */
  static final List<Class<?>> TYPES = List.of(
      dev.flaxj.array.Value.class,
      DType.class,
      Shape.class,
      ShapedArray.class,
      TreeFunction.class,
      Jitted.class,
      Vmap.class,
      Grad.class,
      Jacrev.class,
      Hessian.class,
      Checkpoint.class,
      CustomJvp.class,
      CustomVjp.class,
      MakeJaxpr.class,
      ClosedJaxpr.class,
      JvpOutput.class,
      VjpOutput.class,
      LinearizeOutput.class,
      IndexUpdate.class,
      Initializer.class,
      TreeDef.class,
      PyObject.class);
}
