package org.zhiban.organization;

import java.util.UUID;

/** A person's directory entry changed (name, phones, employment, active): for modules that keep copies of it. */
public record PersonChanged(UUID personId) {
}
