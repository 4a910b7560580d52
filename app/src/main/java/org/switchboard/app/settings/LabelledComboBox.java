package org.switchboard.app.settings;

import java.util.function.Function;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/** Shows a combo box's values (and its closed button) by a label function instead of {@code toString}. */
public final class LabelledComboBox {

    private LabelledComboBox() {
    }

    public static <T> void label(ComboBox<T> box, Function<T, String> label) {
        StringConverter<T> names = new StringConverter<>() {
            @Override
            public String toString(T value) {
                return label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        box.setConverter(names);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? "" : names.toString(item));
            }
        });
    }
}
