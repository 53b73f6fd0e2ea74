package org.newsarchive.schema;

/**
 * One field of the SolrCloud rendering of the catalogue ({@link SolrConfigSet}): what a
 * {@code <field>} of the generated schema says.
 *
 * @param type        a field type of the generated schema: {@code string}, {@code text_en},
 *                    {@code plong}, {@code binary}
 * @param multiValued whether a document may hold several values
 */
public record SolrField(String name, String type, boolean indexed, boolean stored, boolean docValues, boolean multiValued) {

    /** The {@code <field>} element of this field. */
    String xml() {
        return "  <field name=\"" + name + "\" type=\"" + type + "\" indexed=\"" + indexed + "\" stored=\"" + stored
                + "\" docValues=\"" + docValues + "\" multiValued=\"" + multiValued + "\""
                + (stored && !docValues ? "" : " useDocValuesAsStored=\"false\"") + "/>\n";
    }
}
