package dev.flaxj.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A pytree taken apart: its leaves in flattening order and its structure. */
public record Flattened(List<Object> leaves, TreeDef treedef) {
  public Flattened {
    leaves = Collections.unmodifiableList(new ArrayList<>(leaves));
  }
}
