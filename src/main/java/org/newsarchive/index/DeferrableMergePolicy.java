package org.newsarchive.index;

import java.io.IOException;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Lucene's tiered merge policy, with background merges switched off while a run builds an index
 * from nothing.
 *
 * <p>Why: a run that writes most of the index ends by merging it into one segment (see
 * {@code IndexRun}), which rewrites every article once more. Merges made in the background
 * before that are thrown away: when building 200,000 articles they were about a tenth of the
 * CPU, taken from the two cores that parse and analyse. Forced merges are never deferred, and
 * past {@link #MAX_DEFERRED_SEGMENTS} segments the policy merges again, so that an archive of
 * millions of articles does not keep thousands of files open.
 */
final class DeferrableMergePolicy extends FilterMergePolicy {

    /** Segments an index may reach while merges are deferred. */
    static final int MAX_DEFERRED_SEGMENTS = 64;

    private volatile boolean deferred;

    DeferrableMergePolicy() {
        super(new TieredMergePolicy());
    }

    /** Stops background merges until {@link #resume}. */
    void defer() {
        deferred = true;
    }

    /** Lets background merges run again; the writer merges at its next flush or commit. */
    void resume() {
        deferred = false;
    }

    @Override
    public MergePolicy.MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        if (deferred && infos.size() < MAX_DEFERRED_SEGMENTS) {
            return null;
        }
        return super.findMerges(trigger, infos, context);
    }

    @Override
    public MergePolicy.MergeSpecification findFullFlushMerges(MergeTrigger trigger, SegmentInfos infos,
            MergeContext context) throws IOException {
        return deferred ? null : super.findFullFlushMerges(trigger, infos, context);
    }
}
