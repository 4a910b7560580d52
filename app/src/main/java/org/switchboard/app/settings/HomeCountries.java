package org.switchboard.app.settings;

import java.util.Comparator;
import java.util.Locale;

import javafx.scene.control.ComboBox;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.nodes.PhoneNumbers;

/** The home-country chooser: every region libphonenumber knows, by name in the app's language, with its code. */
final class HomeCountries {

    private HomeCountries() {
    }

    static ComboBox<String> comboBox(String current) {
        ComboBox<String> box = new ComboBox<>();
        box.setId("settings-home-country");
        box.getItems().add("");
        PhoneNumberUtil.getInstance().getSupportedRegions().stream()
                .sorted(Comparator.comparing(HomeCountries::name)).forEach(box.getItems()::add);
        LabelledComboBox.label(box, region -> region == null || region.isEmpty()
                ? AppTexts.get("settings.homeCountry.none")
                : name(region) + " (" + PhoneNumbers.countryCode(region) + ")");
        box.setValue(current == null ? "" : current);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static String name(String region) {
        return new Locale("", region).getDisplayCountry(AppTexts.locale());
    }
}
