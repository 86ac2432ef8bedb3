package org.junheng.service;

import java.util.List;
import org.junheng.eventsourcing.projection.ProjectionRunner;

/** A service's read models built from its own log: what {@code POST /api/v1/admin/replay} rebuilds. */
public interface Replayable {

    List<ProjectionRunner> projections();
}
