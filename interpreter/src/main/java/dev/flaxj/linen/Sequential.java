package dev.flaxj.linen;

import dev.flaxj.array.Value;
import dev.flaxj.errors.PyValueError;
import dev.flaxj.tree.Tuple;
import java.util.List;
import java.util.function.Function;

/**
 * {@code nn.Sequential}: applies its layers in order; a layer's {@link Tuple} output is spread
 * over the next layer's arguments. Layers are modules (named {@code layers_<index>}) or
 * functions of one array such as {@code Activations::relu}.
 */
public final class Sequential extends Module {
  private final List<Object> layers;

  public Sequential(Object... layers) {
    this(List.of(layers), null);
  }

  public Sequential(List<?> layers, String name) {
    super(name);
    for (Object layer : layers) {
      if (!(layer instanceof Module) && !(layer instanceof Function)) {
        throw new IllegalArgumentException("Sequential: layers must be modules or functions, got " + layer);
      }
    }
    this.layers = List.copyOf(layers);
  }

  @Override
  protected Object forward(Object... args) {
    if (layers.isEmpty()) {
      throw new PyValueError("Empty Sequential module " + name() + ".");
    }
    Object out = applyLayer(layers.get(0), args);
    for (Object layer : layers.subList(1, layers.size())) {
      out = applyLayer(layer, out instanceof Tuple t ? t.items().toArray() : new Object[] {out});
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object applyLayer(Object layer, Object[] args) {
    if (layer instanceof Module m) {
      return m.call(args);
    }
    if (args.length != 1) {
      throw new IllegalArgumentException("Sequential: a function layer takes one argument, got " + args.length);
    }
    return ((Function<Value, Value>) layer).apply((Value) args[0]);
  }
}
