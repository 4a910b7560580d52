package org.switchboard.app.canvas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The few design colours the canvas paints in code (grid dots, minimap, far-out cards) rather than with CSS on nodes.
 * An invisible region in the canvas's scene graph reads them from {@code canvas.css}, so the light and dark themes
 * stay in one stylesheet and switching the theme repaints the grid and the minimap.
 */
final class CanvasColors extends Region {

    /** The colours, named by their CSS property {@code -sb-paint-<name>}. */
    enum Key {
        DOT("#CDD1DA"), EVENTS("#B4418E"), CALL_CONTROL("#1A75CF"), ROUTING("#0B857F"), UNKNOWN("#9197A3"),
        WARN("#F0A020"), DANGER("#CA3434"), ACCENT("#4F56D8"), ACCENT_RING("rgba(79, 86, 216, 0.20)"),
        SURFACE("#FFFFFF"), LIVE("#1A9A52"), LIVE_RING("rgba(26, 154, 82, 0.20)");

        final Color fallback;
        final CssMetaData<CanvasColors, Color> meta;

        Key(String fallback) {
            this.fallback = Color.web(fallback);
            String property = "-sb-paint-" + name().toLowerCase().replace('_', '-');
            this.meta = new CssMetaData<>(property, StyleConverter.getColorConverter(), this.fallback) {
                @Override
                public boolean isSettable(CanvasColors c) {
                    return !c.values.get(Key.this).isBound();
                }

                @Override
                public StyleableProperty<Color> getStyleableProperty(CanvasColors c) {
                    return c.values.get(Key.this);
                }
            };
        }
    }

    private static final List<CssMetaData<? extends Styleable, ?>> META;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        for (Key k : Key.values()) {
            list.add(k.meta);
        }
        META = Collections.unmodifiableList(list);
    }

    private final Map<Key, StyleableObjectProperty<Color>> values = new EnumMap<>(Key.class);

    CanvasColors(Runnable onChange) {
        getStyleClass().add("canvas-colors");
        setManaged(false);
        resize(0, 0);
        setMouseTransparent(true);
        for (Key k : Key.values()) {
            StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(k.meta, this, k.name(), k.fallback);
            p.addListener((o, a, b) -> onChange.run());
            values.put(k, p);
        }
    }

    Color get(Key key) {
        Color c = values.get(key).get();
        return c == null ? key.fallback : c;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
