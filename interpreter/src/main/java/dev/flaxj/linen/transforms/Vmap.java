package dev.flaxj.linen.transforms;

import dev.flaxj.core.LiftVmap;
import dev.flaxj.core.ScopeTreeFunction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code nn.vmap}: the lifted {@code jax.vmap} over a module class, function or method. Keyword
 * arguments as builder methods; defaults as Flax's ({@code in_axes=0, out_axes=0}, nothing mapped,
 * no RNG split).
 */
public final class Vmap extends ModuleTransform {
  private final Map<Object, Integer> variableAxes = new LinkedHashMap<>();
  private final Map<Object, Boolean> splitRngs = new LinkedHashMap<>();
  private Object inAxes = 0;
  private Object outAxes = 0;
  private Integer axisSize;
  private String axisName;
  private Map<String, Object> metadataParams = Map.of();

  private Vmap() {
    super("vmap");
  }

  public static Vmap vmap() {
    return new Vmap();
  }

  /** Maps the collections {@code filter} matches along {@code axis} (null: shared). */
  public Vmap variableAxes(Object filter, Integer axis) {
    variableAxes.put(filter, axis);
    return this;
  }

  public Vmap splitRngs(Object filter, boolean split) {
    splitRngs.put(filter, split);
    return this;
  }

  public Vmap inAxes(Object axes) {
    inAxes = axes;
    return this;
  }

  public Vmap outAxes(Object axes) {
    outAxes = axes;
    return this;
  }

  public Vmap axisSize(Integer size) {
    axisSize = size;
    return this;
  }

  public Vmap axisName(String name) {
    axisName = name;
    return this;
  }

  /** Passed to the {@code AxisMetadata} boxes of mapped variables (e.g. {@code partition_name}). */
  public Vmap metadataParams(Map<String, Object> params) {
    metadataParams = Map.copyOf(params);
    return this;
  }

  @Override
  protected ScopeTreeFunction lift(ScopeTreeFunction fn) {
    LiftVmap v = LiftVmap.vmap().inAxes(inAxes).outAxes(outAxes).axisSize(axisSize).axisName(axisName)
        .metadataParams(metadataParams);
    variableAxes.forEach(v::variableAxes);
    splitRngs.forEach(v::splitRngs);
    return v.buildTree(fn);
  }
}
