package org.switchboard.engine.runtime;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.SoundProperties;

/**
 * The local sounds a deployed flow may use: its folder and the {@code sounds/HASH.wav} files that its sound
 * properties name and that are there as regular files when it is deployed. Only these are served, and a sound that
 * is missing is left out of the answers (the call goes on without it) rather than sending sipgate to a 404.
 */
public record LocalSounds(Path folder, Set<String> files) {

    public static final LocalSounds NONE = new LocalSounds(null, Set.of());

    public LocalSounds {
        files = Set.copyOf(files);
    }

    /** The local sounds of {@code flow} found in {@code folder} (the flow file's folder); none without a folder. */
    public static LocalSounds scan(Flow flow, Path folder, NodeTypes types) {
        if (folder == null) {
            return NONE;
        }
        Set<String> found = new LinkedHashSet<>();
        for (String file : referenced(flow, types)) {
            if (Files.isRegularFile(folder.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
                found.add(file);
            }
        }
        return new LocalSounds(folder, found);
    }

    /** Every well-formed local sound file the flow's sound properties name, in flow order. */
    public static Set<String> referenced(Flow flow, NodeTypes types) {
        Set<String> files = new LinkedHashSet<>();
        for (SoundProperties.Use use : SoundProperties.of(flow, types)) {
            if (use.sound().localFile() != null && use.sound().isWellFormedFile()) {
                files.add(use.sound().file());
            }
        }
        return files;
    }

    /** The file to serve for {@code sounds/NAME}, or {@code null} when the deployed flow has no such sound. */
    public Path resolve(String name) {
        String file = SoundRef.FOLDER + "/" + name;
        return files.contains(file) ? folder.resolve(file) : null;
    }

    public boolean has(String file) {
        return files.contains(file);
    }
}
