package org.switchboard.app;

import org.switchboard.app.ui.Dialogs;
import org.switchboard.app.ui.Theme;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * What the composition root ({@link SwitchboardApp}) makes once and hands to the window, which passes each part on
 * to the panels that need it: nothing below the root reaches for a registry, a theme or the engine's texts through
 * a static.
 *
 * @param types    the node types the editor offers and shows
 * @param messages the engine's texts (node labels, problems) in the window's language
 */
record Collaborators(Theme theme, Dialogs dialogs, NodeTypes types, Messages messages) {
}
