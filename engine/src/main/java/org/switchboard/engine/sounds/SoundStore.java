package org.switchboard.engine.sounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.switchboard.engine.files.AtomicFiles;
import org.switchboard.engine.flow.SoundRef;

/**
 * The {@code sounds/} folder beside a flow file: converted sounds named by the SHA-256 of their bytes, so the same
 * sound is stored once, a name never points at other content, and the folder can be copied with the flow.
 */
public final class SoundStore {

    private SoundStore() {
    }

    /** Stores converted WAV bytes beside the flow (atomically, once) and returns {@code sounds/HASH.wav}. */
    public static String store(Path flowFolder, byte[] wav) throws IOException {
        String file = SoundRef.FOLDER + "/" + sha256(wav) + ".wav";
        Path target = flowFolder.resolve(file);
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) || Files.size(target) != wav.length) {
            Files.createDirectories(target.getParent());
            AtomicFiles.write(target, wav);
        }
        return file;
    }

    /** Converts a sound file for sipgate and stores it beside the flow: the file source of a sound property. */
    public static SoundRef importFile(Path flowFolder, Path source, SoundConverter.Options options)
            throws SoundException {
        String name = source.getFileName() == null ? "" : source.getFileName().toString();
        return keep(flowFolder, SoundConverter.convert(source, options), name, options);
    }

    /**
     * Converts a sound read from a stream (a recording, say) for sipgate and stores it beside the flow under
     * {@code name} for display.
     */
    public static SoundRef importSound(Path flowFolder, java.io.InputStream sound, String name,
                                       SoundConverter.Options options) throws SoundException {
        return keep(flowFolder, SoundConverter.convert(sound, name, options), name, options);
    }

    private static SoundRef keep(Path flowFolder, byte[] wav, String name, SoundConverter.Options options)
            throws SoundException {
        try {
            return SoundRef.file(store(flowFolder, wav), name);
        } catch (IOException e) {
            throw new SoundException(options.messages().get("sound.convert.notSaved", String.valueOf(e.getMessage())),
                    e);
        }
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
