package dev.flaxj.transform.custom;

import dev.flaxj.array.ShapedArray;
import dev.flaxj.array.Value;
import dev.flaxj.lax.Bind;
import dev.flaxj.transform.FlatFunction;
import dev.flaxj.transform.JaxTypeError;
import dev.flaxj.transform.TreeFunction;
import dev.flaxj.transform.partial.StopGradient;
import dev.flaxj.tree.Flattened;
import dev.flaxj.tree.TreeDef;
import dev.flaxj.tree.Trees;
import dev.flaxj.tree.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * JAX's {@code jax.custom_jvp}: a function that evaluates as {@code fn} but whose derivative is
 * given by a rule set with {@link #defjvp}. The rule is called as
 * {@code jvp(*nondiff_args, primals, tangents)} with {@code primals} and {@code tangents} tuples of
 * the other arguments, and returns a pair (a {@link Tuple} or list of two): the primal output and
 * its tangent, of the same structure. Arguments at {@code nondiffArgnums} are passed to both
 * functions as they are (arrays in them under {@code stop_gradient}) and never differentiated.
 * Works under every transformation: reverse mode transposes the linearised rule, vmap batches
 * the function and the rule.
 */
public final class CustomJvp implements TreeFunction {
  private final TreeFunction fn;
  private final int[] nondiffArgnums;
  private final String name;
  private TreeFunction jvp;

  public CustomJvp(TreeFunction fn, int... nondiffArgnums) {
    this("custom_jvp_fun", fn, nondiffArgnums);
  }

  /** With a name, shown in jaxprs and error messages as JAX shows the Python function's name. */
  public CustomJvp(String name, TreeFunction fn, int... nondiffArgnums) {
    this.fn = fn;
    this.name = name;
    this.nondiffArgnums = Arrays.stream(nondiffArgnums).distinct().sorted().toArray();
  }

  /** Sets the JVP rule; returns this function. */
  public CustomJvp defjvp(TreeFunction jvpRule) {
    this.jvp = jvpRule;
    return this;
  }

  @Override
  public Object apply(Object... args) {
    if (jvp == null) {
      throw new IllegalStateException("No JVP defined for custom_jvp function " + name + " using defjvp.");
    }
    for (int i : nondiffArgnums) {
      if (i < 0 || i >= args.length) {
        throw new IllegalArgumentException("custom_jvp function " + name + ": nondiff_argnums "
            + Arrays.toString(nondiffArgnums) + " out of range for " + args.length + " arguments");
      }
    }
    boolean[] fixed = new boolean[args.length];
    Object[] stopped = new Object[nondiffArgnums.length];
    for (int k = 0; k < nondiffArgnums.length; k++) {
      fixed[nondiffArgnums[k]] = true;
      stopped[k] = StopGradient.stopGradient(args[nondiffArgnums[k]]);
    }
    NondiffArgs nondiff = new NondiffArgs(stopped);
    ArgnumsPartial split = ArgnumsPartial.of(fn, args, nondiffArgnums);
    // operands: the arrays among the nondiff arguments, then the leaves of the others
    Flattened flat = Trees.flatten(
        Tuple.of(Tuple.of(nondiff.values().toArray()), Tuple.of(split.dynamicArgs())));
    List<Value> values = new ArrayList<>();
    List<ShapedArray> avals = new ArrayList<>();
    for (Object leaf : flat.leaves()) {
      Value v = FlatFunction.asValue(leaf);
      values.add(v);
      avals.add(v.aval());
    }
    TreeFunction withNondiff = a -> fn.apply(ArgnumsPartial.merge(fixed,
        nondiff.rebuild(((Tuple) a[0]).items()), ((Tuple) a[1]).items().toArray()));
    StagedFunction body = StagedFunction.trace(withNondiff, flat.treedef(), avals);
    FlatJvp rule = new Rule(nondiff, Trees.structure(Tuple.of(split.dynamicArgs())), body);
    List<Value> outs = Bind.bind(CustomJvpCallPrimitive.CUSTOM_JVP_CALL,
        CustomJvpCallPrimitive.params(name, body.jaxpr(), rule, body.consts().size()),
        body.operands(values));
    return body.outTree().unflatten(outs);
  }

  /** The user's rule on flat lists, with JAX's checks of what it returns. */
  private final class Rule implements FlatJvp {
    private final NondiffArgs nondiff;
    private final int numNondiff;
    private final TreeDef inTree;
    private final StagedFunction body;

    Rule(NondiffArgs nondiff, TreeDef inTree, StagedFunction body) {
      this.nondiff = nondiff;
      this.numNondiff = nondiff.values().size();
      this.inTree = inTree;
      this.body = body;
    }

    /** Primals and tangents of the operands: the nondiff arrays' tangents are not used. */
    @Override
    public List<Value> apply(List<Value> primals, List<Value> tangents) {
      Object[] nondiffArgs = nondiff.rebuild(primals.subList(0, numNondiff));
      int n = primals.size();
      Object[] callArgs = Arrays.copyOf(nondiffArgs, nondiffArgs.length + 2);
      callArgs[nondiffArgs.length] = inTree.unflatten(primals.subList(numNondiff, n));
      callArgs[nondiffArgs.length + 1] = inTree.unflatten(tangents.subList(numNondiff, n));
      List<Object> pair = RuleOutputs.pair(jvp.apply(callArgs), "Custom JVP rule jvp for function "
          + name + " must produce a pair (list or tuple of length two) representing primal and "
          + "tangent outputs, but got ");
      Flattened primalsOut = Trees.flatten(pair.get(0));
      Flattened tangentsOut = Trees.flatten(pair.get(1));
      if (!primalsOut.treedef().equals(tangentsOut.treedef())) {
        throw new JaxTypeError("Custom JVP rule jvp for function " + name + " must "
            + "produce primal and tangent outputs with equal container (pytree) structures, but got "
            + primalsOut.treedef() + " and " + tangentsOut.treedef() + " respectively.");
      }
      List<Value> ps = RuleOutputs.values(primalsOut.leaves());
      List<Value> ts = RuleOutputs.values(tangentsOut.leaves());
      RuleOutputs.checkPrimals("Custom JVP rule jvp for function " + name + " must produce a pair "
          + "(list or tuple of length two) where the first element represents the primal output "
          + "(equal in value to the output of the custom_jvp-decorated function " + name,
          primalsOut.treedef(), ps, body.outTree(), body.outAvals());
      RuleOutputs.checkTangents(ps, ts);
      List<Value> out = new ArrayList<>(ps);
      out.addAll(ts);
      return out;
    }
  }
}
