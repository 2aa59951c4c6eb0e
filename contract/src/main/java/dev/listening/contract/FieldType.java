package dev.listening.contract;

/** The few value types the contract uses; each stage maps them to its own type system. */
public enum FieldType {
    STRING, INT, LONG, DOUBLE
}
