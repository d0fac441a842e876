package dev.flaxj.transform.ir;

import dev.flaxj.lax.DotGeneralPrimitive;
import dev.flaxj.lax.Params;
import dev.flaxj.lax.Primitive;
import dev.flaxj.lax.ShapePrimitives;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints jaxprs in JAX's text format ({@code str(jax.make_jaxpr(f)(x))}): variables named
 * {@code a, b, ..., z, ba, bb, ...} in order of appearance and unique across nested jaxprs,
 * unused equation outputs of the top-level jaxpr shown as {@code _}, types as {@code f32[2,3]}
 * (weak types are not shown, as in JAX 0.10.2), parameters sorted by name, and JAX's layout at 80
 * columns. A sub-jaxpr that occurs more than once, or a nested one with more than 10 equations, is
 * printed once before the top-level jaxpr as {@code let name = { ... } in} and referred to by name.
 */
public final class JaxprPrinter {
  private static final int WIDTH = 80;
  private static final EqnPrintRule DEFAULT_RULE = new EqnPrintRule() {};
  private static final Map<Primitive, EqnPrintRule> RULES =
      Collections.synchronizedMap(new IdentityHashMap<>());

  static {
    register(ShapePrimitives.BROADCAST_IN_DIM, new EqnPrintRule() {
      @Override
      public Map<String, Object> printed(Params params) {
        Map<String, Object> shown = EqnPrintRule.super.printed(params);
        shown.remove("shape");
        if (shown.get("broadcast_dimensions") instanceof int[] dims && dims.length == 0) {
          shown.remove("broadcast_dimensions");
        }
        return shown;
      }
    });
    register(DotGeneralPrimitive.DOT_GENERAL, new EqnPrintRule() {
      @Override
      public Map<String, Object> printed(Params params) {
        Map<String, Object> shown = EqnPrintRule.super.printed(params);
        shown.values().removeIf(v -> v == null);
        return shown;
      }
    });
  }

  private final Map<Var, String> varNames = new IdentityHashMap<>();
  private final Map<Jaxpr, String> sharedNames = new IdentityHashMap<>();
  private final Set<String> reserved = new HashSet<>();
  private int nextName;

  private JaxprPrinter() {}

  /** Sets how equations of {@code p} print (for primitives whose defaults JAX overrides). */
  public static void register(Primitive p, EqnPrintRule rule) {
    RULES.put(p, rule);
  }

  public static String print(ClosedJaxpr closed) {
    return print(closed.jaxpr());
  }

  public static String print(Jaxpr jaxpr) {
    return new JaxprPrinter().toplevel(jaxpr).format(WIDTH);
  }

  private Doc toplevel(Jaxpr top) {
    nameUnusedOutputs(top);
    List<Doc> docs = new ArrayList<>();
    for (Jaxpr shared : findShared(top)) {
      docs.add(Doc.concat(Doc.text("let " + sharedNames.get(shared) + " = "), skeleton(shared),
          Doc.text(" in"), Doc.brk()));
    }
    docs.add(jaxpr(top));
    return Doc.concat(docs);
  }

  /** Outputs of top-level equations that nothing reads print as {@code _}. */
  private void nameUnusedOutputs(Jaxpr top) {
    Set<Var> used = Collections.newSetFromMap(new IdentityHashMap<>());
    top.outvars().forEach(a -> addIfVar(used, a));
    for (int i = top.eqns().size() - 1; i >= 0; i--) {
      JaxprEqn eqn = top.eqns().get(i);
      for (Var v : eqn.outvars()) {
        if (!used.contains(v)) {
          varNames.put(v, "_");
        }
      }
      eqn.inputs().forEach(a -> addIfVar(used, a));
    }
  }

  private static void addIfVar(Set<Var> set, Atom a) {
    if (a instanceof Var v) {
      set.add(v);
    }
  }

  /**
   * The sub-jaxprs printed once up front, in the order they are first met breadth-first, each
   * named after the {@code name} parameter of the first equation holding it ({@code jaxpr} if it
   * has none), made unique with a counter.
   */
  private List<Jaxpr> findShared(Jaxpr top) {
    Map<Jaxpr, Integer> counts = new IdentityHashMap<>();
    Map<Jaxpr, String> names = new IdentityHashMap<>();
    List<Jaxpr> order = new ArrayList<>();
    Deque<Jaxpr> queue = new ArrayDeque<>();
    queue.add(top);
    while (!queue.isEmpty()) {
      Jaxpr j = queue.removeFirst();
      if (counts.merge(j, 1, Integer::sum) == 1) {
        order.add(j);
      }
      if (j != top && j.eqns().size() > 10) {
        counts.merge(j, 1, Integer::sum);
      }
      for (JaxprEqn eqn : j.eqns()) {
        List<Jaxpr> subs = jaxprsIn(eqn.params());
        queue.addAll(subs);
        if (eqn.params().has("name") && eqn.params().get("name") != null) {
          String name = stripAngles(String.valueOf(eqn.params().get("name")));
          subs.forEach(s -> names.putIfAbsent(s, name));
        }
      }
    }
    Map<String, Integer> nameCounts = new HashMap<>();
    List<Jaxpr> shared = new ArrayList<>();
    for (Jaxpr j : order) {
      if (counts.get(j) == 1) {
        continue;
      }
      String name = names.getOrDefault(j, "jaxpr");
      int count = nameCounts.getOrDefault(name, 0);
      nameCounts.merge(name, 1, Integer::sum);
      if (count > 0) {
        name += count;
        nameCounts.merge(name, 1, Integer::sum);
      }
      reserved.add(name);
      sharedNames.put(j, name);
      shared.add(j);
    }
    return shared;
  }

  private static String stripAngles(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == '<' || s.charAt(from) == '>')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == '<' || s.charAt(to - 1) == '>')) {
      to--;
    }
    return s.substring(from, to);
  }

  /** The jaxprs held by parameters: jaxprs, closed jaxprs and arrays or lists of them. */
  private static List<Jaxpr> jaxprsIn(Params params) {
    List<Jaxpr> out = new ArrayList<>();
    for (Object v : params.asMap().values()) {
      for (Object item : items(v)) {
        if (item instanceof Jaxpr j) {
          out.add(j);
        } else if (item instanceof ClosedJaxpr c) {
          out.add(c.jaxpr());
        }
      }
    }
    return out;
  }

  private static List<?> items(Object v) {
    if (v instanceof Object[] array) {
      return List.of(array);
    }
    return v instanceof List<?> list ? list : Collections.singletonList(v);
  }

  private static boolean isJaxprSequence(Object v) {
    if (!(v instanceof Object[]) && !(v instanceof List<?>)) {
      return false;
    }
    return items(v).stream().allMatch(i -> i instanceof Jaxpr || i instanceof ClosedJaxpr);
  }

  private Doc jaxpr(Jaxpr j) {
    String shared = sharedNames.get(j);
    return shared != null ? Doc.text(shared) : skeleton(j);
  }

  private Doc skeleton(Jaxpr j) {
    Doc constvars = vars(j.constvars(), true, "");
    Doc invars = vars(j.invars(), true, "");
    List<Doc> eqns = new ArrayList<>(j.eqns().size());
    for (JaxprEqn eqn : j.eqns()) {
      eqns.add(eqn(eqn));
    }
    Doc outvars = Doc.concat(Doc.text("("), vars(j.outvars(), false, ","),
        Doc.text(j.outvars().size() == 1 ? ",)" : ")"));
    return Doc.group(Doc.concat(Doc.nest(2, Doc.concat(Doc.text("{ lambda "), constvars,
        Doc.text("; "), invars, Doc.text(". let"),
        Doc.nest(2, Doc.concat(Doc.brk(), Doc.join(Doc.brk("; "), eqns))), Doc.brk(),
        Doc.text("in "), outvars)), Doc.text(" }")));
  }

  private Doc eqn(JaxprEqn eqn) {
    EqnPrintRule rule = RULES.getOrDefault(eqn.primitive(), DEFAULT_RULE);
    Jaxpr aliased = rule.namedLikeEquation(eqn.params());
    if (aliased != null && !sharedNames.containsKey(aliased)) {
      nameLike(aliased.invars(), eqn.inputs());
      nameLike(aliased.outvars(), eqn.outvars());
    }
    Doc lhs = vars(eqn.outvars(), true, "");
    Doc params = params(rule.printed(eqn.params()));
    Doc rhs = Doc.concat(Doc.text(eqn.primitive().name()), params, Doc.text(" "),
        vars(eqn.inputs(), false, ""));
    return eqn.outvars().isEmpty() ? rhs : Doc.concat(lhs, Doc.text(" = "), rhs);
  }

  /** Gives each still unnamed variable of {@code vars} the name of its counterpart in {@code like}. */
  private void nameLike(List<? extends Atom> vars, List<? extends Atom> like) {
    if (vars.size() != like.size()) {
      return;
    }
    Set<Var> usedLike = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < vars.size(); i++) {
      if (like.get(i) instanceof Var l && !usedLike.contains(l)
          && vars.get(i) instanceof Var v && !varNames.containsKey(v)) {
        usedLike.add(l);
        varNames.put(v, name(l));
      }
    }
  }

  private Doc params(Map<String, Object> params) {
    if (params.isEmpty()) {
      return Doc.NIL;
    }
    List<Doc> pairs = new ArrayList<>(params.size());
    params.forEach((k, v) -> pairs.add(Doc.concat(Doc.text(k + "="), value(v))));
    return Doc.group(Doc.concat(
        Doc.nest(2, Doc.concat(Doc.text("["), Doc.brk(""), Doc.join(Doc.brk(), pairs))),
        Doc.brk(""), Doc.text("]")));
  }

  private Doc value(Object v) {
    if (v instanceof Jaxpr j) {
      return jaxpr(j);
    }
    if (v instanceof ClosedJaxpr c) {
      return jaxpr(c.jaxpr());
    }
    if (isJaxprSequence(v)) {
      List<Doc> docs = new ArrayList<>();
      for (Object item : items(v)) {
        docs.add(jaxpr(item instanceof ClosedJaxpr c ? c.jaxpr() : (Jaxpr) item));
      }
      return Doc.group(Doc.concat(
          Doc.nest(2, Doc.concat(Doc.text("("), Doc.brk(""), Doc.join(Doc.brk(), docs))),
          Doc.brk(""), Doc.text(")")));
    }
    return Doc.text(PyFormat.param(v));
  }

  private Doc vars(List<? extends Atom> atoms, boolean withTypes, String separator) {
    List<Doc> docs = new ArrayList<>(atoms.size());
    for (Atom a : atoms) {
      docs.add(Doc.text(withTypes ? atom(a) + ":" + PyFormat.aval(a.aval()) : atom(a)));
    }
    return Doc.nest(2, Doc.group(
        Doc.join(Doc.concat(Doc.text(separator), Doc.group(Doc.brk())), docs)));
  }

  /** A variable's name, or a literal's value with its type ({@code 2.0:f32[]}). */
  private String atom(Atom a) {
    if (a instanceof Literal lit) {
      return PyFormat.literal(lit.value()) + ":" + PyFormat.aval(lit.aval());
    }
    return name((Var) a);
  }

  private String name(Var v) {
    String name = varNames.get(v);
    if (name == null) {
      do {
        name = alphabetic(nextName++);
      } while (reserved.contains(name));
      varNames.put(v, name);
    }
    return name;
  }

  /** 0 -> a, 25 -> z, 26 -> ba, 27 -> bb, ... (JAX's variable names). */
  private static String alphabetic(int n) {
    StringBuilder s = new StringBuilder();
    do {
      s.insert(0, (char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return s.toString();
  }
}
