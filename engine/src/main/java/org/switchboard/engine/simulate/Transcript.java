package org.switchboard.engine.simulate;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.Gather;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Play;
import org.switchboard.engine.sipgate.xml.Reject;
import org.switchboard.engine.sipgate.xml.Response;
import org.switchboard.engine.sipgate.xml.Verb;

/**
 * Everything that happened in one simulated call, in order: each {@link Step} (push, status, parsed answer, plain
 * English), plus the questions tests and the simulator panel usually ask: the last XML answer, which numbers were
 * dialled, which sound URLs the caller heard, whether the call was rejected or hung up. An immutable snapshot.
 */
public record Transcript(List<Step> steps) {

    public Transcript {
        steps = List.copyOf(steps);
    }

    /** The most recent step, or {@code null} before the first push. */
    public Step lastStep() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }

    /** The most recent 200 XML answer, or {@code null} if there was none. */
    public Response lastResponse() {
        for (int i = steps.size() - 1; i >= 0; i--) {
            if (steps.get(i).response() != null) {
                return steps.get(i).response();
            }
        }
        return null;
    }

    /** The numbers of every {@code <Dial>} answered so far, as written in the XML (E.164 digits), in order. */
    public List<String> dialedNumbers() {
        List<String> numbers = new ArrayList<>();
        for (Verb verb : verbs()) {
            if (verb instanceof Dial dial) {
                numbers.addAll(dial.getNumbers());
            }
        }
        return numbers;
    }

    /** Whether some {@code <Dial>} sent the call to the voicemail. */
    public boolean wentToVoicemail() {
        return verbs().stream().anyMatch(v -> v instanceof Dial d && d.isVoicemail());
    }

    /** Every sound URL the caller was played (plain {@code <Play>} and {@code <Gather>} prompts), in order. */
    public List<String> heardUrls() {
        List<String> urls = new ArrayList<>();
        for (Verb verb : verbs()) {
            if (verb instanceof Play play && play.getUrl() != null) {
                urls.add(play.getUrl());
            } else if (verb instanceof Gather gather && gather.getPlay() != null && gather.getPlay().getUrl() != null) {
                urls.add(gather.getPlay().getUrl());
            }
        }
        return urls;
    }

    /** Whether the flow answered with {@code <Reject>}. */
    public boolean rejected() {
        return verbs().stream().anyMatch(v -> v instanceof Reject);
    }

    /** Whether the flow answered with {@code <Hangup/>}. */
    public boolean hungUp() {
        return verbs().stream().anyMatch(v -> v instanceof Hangup);
    }

    /** Every verb of every 200 answer, in order. */
    public List<Verb> verbs() {
        List<Verb> verbs = new ArrayList<>();
        for (Step step : steps) {
            Response r = step.response();
            if (r != null) {
                verbs.addAll(r.getVerbs());
            }
        }
        return verbs;
    }

    /** The steps, one per line, for logs and failure messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Transcript:");
        for (Step step : steps) {
            sb.append("\n  ").append(step);
        }
        return sb.toString();
    }
}
