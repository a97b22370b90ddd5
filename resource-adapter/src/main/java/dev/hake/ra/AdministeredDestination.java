package dev.hake.ra;

import java.io.Serializable;
import java.util.Objects;

/**
 * A queue or topic as an administered object the server binds in JNDI (for
 * {@code destinationLookup} or {@code @Resource}): a JavaBean whose {@code name} is the
 * destination's name in hake. Equal when kind and name are.
 */
public abstract class AdministeredDestination implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** "queue" or "topic". */
    abstract String kind();

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Objects.equals(name, ((AdministeredDestination) o).name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind(), name);
    }

    @Override
    public String toString() {
        return kind() + "://" + name;
    }
}
