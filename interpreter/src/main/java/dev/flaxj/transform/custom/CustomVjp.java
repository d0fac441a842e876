package dev.flaxj.transform.custom;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.Tracer;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.jvp.Zero;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JAX's {@code jax.custom_vjp}: a function that evaluates as {@code fn} but whose reverse-mode
 * derivative is given by two rules set with {@link #defvjp}. {@code fwd} takes the function's
 * arguments and returns a pair (a {@link Tuple} or list of two): the output and residuals (any
 * pytree). {@code bwd} is called as {@code bwd(*nondiff_args, residuals, output_cotangent)} and
 * returns a tuple with one cotangent (or null, for zero) per differentiable argument. Forward-mode
 * differentiation is not possible (JAX's error); vmap, jit and nested reverse mode work.
 */
public final class CustomVjp implements TreeFunction {
  private final TreeFunction fn;
  private final int[] nondiffArgnums;
  private final String name;
  private TreeFunction fwd;
  private TreeFunction bwd;

  public CustomVjp(TreeFunction fn, int... nondiffArgnums) {
    this("custom_vjp_fun", fn, nondiffArgnums);
  }

  /** With a name, shown in jaxprs and error messages as JAX shows the Python function's name. */
  public CustomVjp(String name, TreeFunction fn, int... nondiffArgnums) {
    this.fn = fn;
    this.name = name;
    this.nondiffArgnums = Arrays.stream(nondiffArgnums).distinct().sorted().toArray();
  }

  /** Sets the forward and backward rules; returns this function. */
  public CustomVjp defvjp(TreeFunction fwdRule, TreeFunction bwdRule) {
    this.fwd = fwdRule;
    this.bwd = bwdRule;
    return this;
  }

  @Override
  public Object apply(Object... args) {
    if (fwd == null || bwd == null) {
      throw new IllegalStateException("No VJP defined for custom_vjp function " + name + " using defvjp.");
    }
    boolean[] fixed = new boolean[args.length];
    for (int i : nondiffArgnums) {
      if (i < 0 || i >= args.length) {
        throw new IllegalArgumentException("custom_vjp function " + name + ": nondiff_argnums "
            + Arrays.toString(nondiffArgnums) + " out of range for " + args.length + " arguments");
      }
      checkNoTracers(args[i]);
      fixed[i] = true;
    }
    ArgnumsPartial split = ArgnumsPartial.of(fn, args, nondiffArgnums);
    Flattened flat = Trees.flatten(Tuple.of(split.dynamicArgs()));
    List<Value> values = new ArrayList<>();
    List<ShapedArray> avals = new ArrayList<>();
    for (Object leaf : flat.leaves()) {
      Value v = FlatFunction.asValue(leaf);
      values.add(v);
      avals.add(v.aval());
    }
    StagedFunction body = StagedFunction.trace(split.fn(), flat.treedef(), avals);
    Rules rules = new Rules(fixed, split.fixedArgs(), flat.treedef(), avals, body);
    List<Value> outs = Bind.bind(CustomVjpCallPrimitive.CUSTOM_VJP_CALL,
        CustomVjpCallPrimitive.params(name, body.jaxpr(), rules::fwd, rules::bwd, body.consts().size()),
        body.operands(values));
    return body.outTree().unflatten(outs);
  }

  private static void checkNoTracers(Object arg) {
    for (Object leaf : Trees.leaves(arg)) {
      if (leaf instanceof Tracer) {
        throw new IllegalArgumentException("Found a JAX Tracer object passed as an argument to a "
            + "custom_vjp function in a position indicated by nondiff_argnums as non-differentiable. "
            + "Tracers cannot be passed as non-differentiable arguments to custom_vjp functions; "
            + "instead, nondiff_argnums should only be used for arguments that can't be or contain "
            + "JAX tracers, e.g. function-valued arguments. In particular, array-valued arguments "
            + "should typically not be indicated as nondiff_argnums.");
      }
    }
  }

  /** The user's rules for one call, on flat lists, with JAX's checks of what they return. */
  private final class Rules {
    private final boolean[] fixed;
    private final Object[] nondiffArgs;
    private final TreeDef inTree;
    private final List<ShapedArray> inAvals;
    private final StagedFunction body;
    private TreeDef resTree;

    Rules(boolean[] fixed, Object[] nondiffArgs, TreeDef inTree, List<ShapedArray> inAvals,
        StagedFunction body) {
      this.fixed = fixed;
      this.nondiffArgs = nondiffArgs;
      this.inTree = inTree;
      this.inAvals = inAvals;
      this.body = body;
    }

    FlatFwd.Result fwd(List<Value> primals) {
      Object[] dyn = ((Tuple) inTree.unflatten(primals)).items().toArray();
      List<Object> pair = RuleOutputs.pair(fwd.apply(ArgnumsPartial.merge(fixed, nondiffArgs, dyn)),
          "Custom VJP fwd rule fwd for function " + name + " must produce a pair (list or tuple of "
          + "length two) where the first element represents the primal output (equal to those of the "
          + "custom_vjp-decorated function " + name + ") and the second element represents residuals "
          + "(i.e. values stored from the forward pass for use on the backward pass), but instead of a "
          + "pair the fwd rule fwd produced ");
      Flattened out = Trees.flatten(pair.get(0));
      List<Value> outs = RuleOutputs.values(out.leaves());
      RuleOutputs.checkPrimals("Custom VJP fwd rule fwd for function " + name + " must produce a pair "
          + "(list or tuple of length two) where the first element represents the primal output "
          + "(equal to the output of the custom_vjp-decorated function " + name,
          out.treedef(), outs, body.outTree(), body.outAvals());
      Flattened res = Trees.flatten(pair.get(1));
      resTree = res.treedef();
      return new FlatFwd.Result(outs, RuleOutputs.values(res.leaves()));
    }

    List<Value> bwd(List<Value> residuals, List<Value> cotangents) {
      Object[] callArgs = Arrays.copyOf(nondiffArgs, nondiffArgs.length + 2);
      callArgs[nondiffArgs.length] = resTree.unflatten(residuals);
      callArgs[nondiffArgs.length + 1] = body.outTree().unflatten(cotangents);
      Object out = bwd.apply(callArgs);
      int nargs = ((Tuple) inTree.unflatten(inAvals)).size();
      if (out instanceof List<?> l && l.size() == nargs) {
        out = new Tuple(new ArrayList<>(l));
      }
      List<Object> perLeaf;
      try {
        if (!(out instanceof Tuple)) {
          throw new IllegalArgumentException();
        }
        perLeaf = Trees.broadcastPrefix(out, inTree.unflatten(inAvals));
      } catch (IllegalArgumentException e) {
        throw new JaxTypeError("Custom VJP bwd rule must produce an output with the same "
            + "container (pytree) structure as the args tuple of the primal function, and in particular "
            + "must produce a tuple of length equal to the number of arguments to the primal function, "
            + "but got bwd output structure " + Trees.structure(out) + " for primal input structure "
            + inTree + ".");
      }
      List<Value> cts = new ArrayList<>(perLeaf.size());
      for (int i = 0; i < perLeaf.size(); i++) {
        ShapedArray want = inAvals.get(i);
        Object ct = perLeaf.get(i);
        if (ct == null || Zero.isNonDifferentiable(want.dtype())) {
          cts.add(Zero.of(want));
          continue;
        }
        Value v = ct instanceof Zero z ? z : FlatFunction.asValue(ct);
        if (!RuleOutputs.sameType(v.aval(), want)) {
          throw new IllegalArgumentException("Custom VJP bwd rule must produce an output with the same "
              + "type as the args tuple of the primal function, but at output[" + i + "] the bwd rule "
              + "produced an output of type " + RuleOutputs.strShort(v.aval()) + " corresponding to an "
              + "input of type " + RuleOutputs.strShort(want)
              + (v.shape().equals(want.shape()) ? "" : ", so the shapes do not match"));
        }
        cts.add(v);
      }
      return cts;
    }
  }
}
