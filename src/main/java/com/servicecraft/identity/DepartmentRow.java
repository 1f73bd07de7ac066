package com.servicecraft.identity;

/** A department with its number of active members. */
public record DepartmentRow(Long id, String name, long members) {
}
