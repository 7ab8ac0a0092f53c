package org.convscope;

public final class Main {
    public static void main(String[] args) {
        System.out.println("ConvScope " + Runtime.version());
    }
}
