package com.convene.sfu.media;

import java.util.ArrayList;
import java.util.List;

/// Turns libwebrtc's publish offer into a three-layer simulcast offer for tests: an `a=ssrc-group:SIM` of the
/// camera's SSRC and two new ones, each new one with its own RTX SSRC (decision 100; the desktop app does the same
/// in `call.SimulcastOffer`). Only the first video m-line is changed.
final class SimulcastSdp {

    private SimulcastSdp() {
    }

    static String munge(String sdp) {
        String[] lines = sdp.split("\r\n", -1);
        List<String> out = new ArrayList<>();
        boolean video = false;
        boolean done = false;
        String primary = null;
        String primaryRtx = null;
        List<String> attributes = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("m=")) {
                if (video && !done && primary != null) {
                    appendLayers(out, primary, primaryRtx, attributes);
                    done = true;
                }
                video = line.startsWith("m=video");
            }
            if (video && !done && line.startsWith("a=ssrc-group:FID ")) {
                String[] parts = line.substring(17).split(" ");
                primary = parts[0];
                primaryRtx = parts[1];
                out.add("a=ssrc-group:SIM " + primary + " 1010101 2020202");
            }
            if (video && !done && primary != null && line.startsWith("a=ssrc:" + primary + " ")) {
                attributes.add(line.substring(("a=ssrc:" + primary + " ").length()));
            }
            out.add(line);
        }
        if (video && !done && primary != null) {
            int end = out.size();
            while (end > 0 && out.get(end - 1).isEmpty()) {
                end--;
            }
            List<String> tail = new ArrayList<>(out.subList(end, out.size()));
            out.subList(end, out.size()).clear();
            appendLayers(out, primary, primaryRtx, attributes);
            out.addAll(tail);
        }
        return String.join("\r\n", out);
    }

    private static void appendLayers(List<String> out, String primary, String primaryRtx, List<String> attributes) {
        String[][] layers = {{"1010101", "1010102"}, {"2020202", "2020203"}};
        for (String[] layer : layers) {
            out.add("a=ssrc-group:FID " + layer[0] + " " + layer[1]);
            for (String ssrc : layer) {
                for (String attribute : attributes) {
                    out.add("a=ssrc:" + ssrc + " " + attribute);
                }
            }
        }
    }
}
