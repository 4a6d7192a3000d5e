package org.zhiban.directory;

import java.time.OffsetDateTime;
import java.util.List;

import org.zhiban.organization.Person;
import org.zhiban.organization.Unit;
import org.zhiban.organization.UnitLevel;

/**
 * The directory of a unit and its subtree as it is printed or exported: by level (市级, 县（区）级, 镇（街道）级), each
 * unit followed by the people its level lists, with full numbers — a printed directory is for calling from.
 *
 * @param omitted units left out because the print would be too long (the .xlsx has them all); 0 for the export
 */
public record DirectoryBook(Unit root, OffsetDateTime madeAt, List<Level> levels, int omitted) {

    public record Level(UnitLevel level, List<Listing> units) {
    }

    public record Listing(Unit unit, List<Person> people) {
    }

    public int units() {
        return levels.stream().mapToInt(l -> l.units().size()).sum();
    }
}
