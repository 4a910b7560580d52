package org.switchboard.app.inspector;

import javafx.scene.Node;

import org.switchboard.engine.flow.Flow;

/** What the inspector shows for one kind of selection: a fixed header and a scrolling body. */
interface InspectorView {

    Node header();

    Node body();

    /**
     * Brings the view up to date with the flow after any change. Returns false when the change is too large to
     * follow in place (a row was added, the node is gone), so the inspector builds a new view instead.
     */
    boolean refresh(Flow flow);
}
