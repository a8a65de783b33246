package org.quizcard.bank;

import java.io.Reader;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.NodeEvent;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLFactoryBuilder;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML factory whose parsers also tell the anchor of a scalar: Jackson reports anchors of
 * mappings and sequences only, and banks must reject every anchor.
 */
final class StrictYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    StrictYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLParser _createParser(ObjectReadContext readContext, IOContext io, Reader reader) {
        return new Parser(readContext, io, _getBufferRecycler(),
                readContext.getStreamReadFeatures(_streamReadFeatures),
                readContext.getFormatReadFeatures(_formatReadFeatures), _loadSettings, reader);
    }

    /** A parser that exposes the anchor of the node it stands on. */
    static final class Parser extends YAMLParser {
        Parser(ObjectReadContext readContext, IOContext io, BufferRecycler recycler, int streamFeatures,
               int formatFeatures, LoadSettings settings, Reader reader) {
            super(readContext, io, recycler, streamFeatures, formatFeatures, settings, reader);
        }

        /** The anchor ({@code &name}) of the current node, or null. */
        String anchor() {
            return _lastEvent instanceof NodeEvent n ? n.getAnchor().map(a -> a.getValue()).orElse(null) : null;
        }
    }
}
