using System.Globalization;
using System.Text;
using System.Xml;
using Bilansoft.Domain.Identifiers;

namespace Bilansoft.Formats.Documents.Ubl;

/// <summary>
/// Writes an invoice or credit note as UBL 2.1 following Peppol BIS Billing 3.0, with elements in
/// the order of the UBL schema. Numbers use the invariant culture: amounts with 2 decimals, unit
/// prices with 2 to 4, quantities without trailing zeros.
/// </summary>
public static class PeppolUblWriter
{
    private const string Cac = UblNamespaces.Aggregate;
    private const string Cbc = UblNamespaces.Basic;

    /// <summary>
    /// Writes <paramref name="document"/> to <paramref name="output"/> as UTF-8 XML, embedding
    /// <paramref name="attachment"/> (normally the PDF) when given. The stream stays open.
    /// </summary>
    /// <exception cref="ArgumentException">The document is a quote or delivery note, or a credit note without a preceding invoice.</exception>
    public static void Write(DocumentRenderModel document, Stream output, UblAttachment? attachment = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        if (document.Kind is not (DocumentKind.Invoice or DocumentKind.CreditNote))
        {
            throw new ArgumentException($"Only invoices and credit notes have a UBL form; got {document.Kind}.", nameof(document));
        }

        if (document.Kind == DocumentKind.CreditNote && document.PrecedingInvoice is null)
        {
            throw new ArgumentException("A credit note needs the invoice it corrects (BG-3).", nameof(document));
        }

        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            CloseOutput = false,
        };
        using var writer = XmlWriter.Create(output, settings);
        new DocumentSerializer(writer, document, attachment).Write();
    }

    /// <summary>Returns the UBL document as bytes; see <see cref="Write"/>.</summary>
    public static byte[] ToBytes(DocumentRenderModel document, UblAttachment? attachment = null)
    {
        using var buffer = new MemoryStream();
        Write(document, buffer, attachment);
        return buffer.ToArray();
    }

    private sealed class DocumentSerializer(XmlWriter writer, DocumentRenderModel document, UblAttachment? attachment)
    {
        private readonly bool _isCreditNote = document.Kind == DocumentKind.CreditNote;

        // BR-O-02: a document with items outside the scope of VAT carries no VAT identifiers.
        private readonly bool _outsideScope = document.Lines.Any(line => line.VatCategory == VatCategory.OutsideScope);

        public void Write()
        {
            var root = _isCreditNote ? "CreditNote" : "Invoice";
            writer.WriteStartDocument();
            writer.WriteStartElement(root, _isCreditNote ? UblNamespaces.CreditNote : UblNamespaces.Invoice);
            writer.WriteAttributeString("xmlns", "cac", null, Cac);
            writer.WriteAttributeString("xmlns", "cbc", null, Cbc);

            WriteHeader();
            WriteReferences();
            WriteSupplier();
            WriteCustomer();
            WriteDelivery();
            WritePayment();
            WriteTaxTotal();
            WriteMonetaryTotal();
            foreach (var line in document.Lines)
            {
                WriteLine(line);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        private void WriteHeader()
        {
            Basic("CustomizationID", UblNamespaces.PeppolCustomizationId);
            Basic("ProfileID", UblNamespaces.PeppolProfileId);
            Basic("ID", document.Number);
            Basic("IssueDate", Date(document.IssueDate));
            if (!_isCreditNote && document.DueDate is { } dueDate)
            {
                Basic("DueDate", Date(dueDate));
            }

            Basic(_isCreditNote ? "CreditNoteTypeCode" : "InvoiceTypeCode", _isCreditNote ? "381" : "380");

            // PEPPOL-EN16931-R002 allows one document note, so the notes are joined.
            var notes = document.Notes.Where(note => !string.IsNullOrWhiteSpace(note)).ToList();
            if (notes.Count > 0)
            {
                Basic("Note", string.Join('\n', notes));
            }

            Basic("DocumentCurrencyCode", document.CurrencyCode);

            // PEPPOL-EN16931-R003 asks for a buyer reference or an order reference.
            // NOTE: without either, the document number is written as buyer reference so the invoice passes.
            var buyerReference = document.BuyerReference;
            if (string.IsNullOrWhiteSpace(buyerReference) && string.IsNullOrWhiteSpace(document.OrderReference))
            {
                buyerReference = document.Number;
            }

            if (!string.IsNullOrWhiteSpace(buyerReference))
            {
                Basic("BuyerReference", buyerReference);
            }
        }

        private void WriteReferences()
        {
            if (!string.IsNullOrWhiteSpace(document.OrderReference))
            {
                writer.WriteStartElement("OrderReference", Cac);
                Basic("ID", document.OrderReference);
                writer.WriteEndElement();
            }

            if (document.PrecedingInvoice is { } preceding)
            {
                writer.WriteStartElement("BillingReference", Cac);
                writer.WriteStartElement("InvoiceDocumentReference", Cac);
                Basic("ID", preceding.Number);
                Basic("IssueDate", Date(preceding.IssueDate));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            if (attachment is not null)
            {
                writer.WriteStartElement("AdditionalDocumentReference", Cac);
                Basic("ID", document.Number);
                if (!string.IsNullOrWhiteSpace(attachment.Description))
                {
                    Basic("DocumentDescription", attachment.Description);
                }

                writer.WriteStartElement("Attachment", Cac);
                writer.WriteStartElement("EmbeddedDocumentBinaryObject", Cbc);
                writer.WriteAttributeString("mimeCode", attachment.MimeCode);
                writer.WriteAttributeString("filename", attachment.FileName);
                var bytes = attachment.Content.ToArray();
                writer.WriteBase64(bytes, 0, bytes.Length);
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
        }

        private void WriteSupplier()
        {
            var seller = document.Seller;
            writer.WriteStartElement("AccountingSupplierParty", Cac);
            writer.WriteStartElement("Party", Cac);

            // BT-34: the seller's Peppol address is its enterprise number, else its Belgian VAT number.
            if (seller.EnterpriseNumber is { } enterprise)
            {
                Identifier("EndpointID", Cbc, UblNamespaces.BelgianEnterpriseScheme, enterprise.Digits);
                PartyIdentification(UblNamespaces.BelgianEnterpriseScheme, enterprise.Digits);
            }
            else if (seller.VatNumber is { IsBelgian: true } vat)
            {
                Identifier("EndpointID", Cbc, UblNamespaces.BelgianVatScheme, vat.Value);
            }

            PartyName(seller.Name);
            Address("PostalAddress", seller.Address);
            if (!_outsideScope && seller.VatNumber is { } sellerVat)
            {
                PartyTaxScheme(sellerVat);
            }

            writer.WriteStartElement("PartyLegalEntity", Cac);
            Basic("RegistrationName", seller.Name);
            if (seller.EnterpriseNumber is { } legalId)
            {
                Identifier("CompanyID", Cbc, UblNamespaces.BelgianEnterpriseScheme, legalId.Digits);
            }

            // BT-33 carries the company-law mentions: legal form and register with its court.
            var legalInformation = string.Join(", ", new[] { seller.LegalForm, seller.RegisterMention }.Where(text => !string.IsNullOrWhiteSpace(text)));
            if (legalInformation.Length > 0)
            {
                Basic("CompanyLegalForm", legalInformation);
            }

            writer.WriteEndElement();

            if (!string.IsNullOrWhiteSpace(seller.Phone) || !string.IsNullOrWhiteSpace(seller.Email))
            {
                writer.WriteStartElement("Contact", Cac);
                OptionalBasic("Telephone", seller.Phone);
                OptionalBasic("ElectronicMail", seller.Email);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void WriteCustomer()
        {
            var buyer = document.Buyer;
            writer.WriteStartElement("AccountingCustomerParty", Cac);
            writer.WriteStartElement("Party", Cac);

            // BT-49: an explicit Peppol identifier wins; else the enterprise number, else the Belgian VAT number.
            if (buyer.PeppolId is { } peppolId)
            {
                Identifier("EndpointID", Cbc, peppolId.SchemeId, peppolId.Identifier);
            }
            else if (buyer.EnterpriseNumber is { } enterprise)
            {
                Identifier("EndpointID", Cbc, UblNamespaces.BelgianEnterpriseScheme, enterprise.Digits);
            }
            else if (buyer.VatNumber is { IsBelgian: true } vat)
            {
                Identifier("EndpointID", Cbc, UblNamespaces.BelgianVatScheme, vat.Value);
            }

            if (buyer.EnterpriseNumber is { } buyerId)
            {
                PartyIdentification(UblNamespaces.BelgianEnterpriseScheme, buyerId.Digits);
            }

            PartyName(buyer.Name);
            Address("PostalAddress", buyer.Address);
            if (!_outsideScope && buyer.VatNumber is { } buyerVat)
            {
                PartyTaxScheme(buyerVat);
            }

            writer.WriteStartElement("PartyLegalEntity", Cac);
            Basic("RegistrationName", buyer.Name);
            if (buyer.EnterpriseNumber is { } legalId)
            {
                Identifier("CompanyID", Cbc, UblNamespaces.BelgianEnterpriseScheme, legalId.Digits);
            }

            writer.WriteEndElement();

            if (!string.IsNullOrWhiteSpace(buyer.Attention))
            {
                writer.WriteStartElement("Contact", Cac);
                Basic("Name", buyer.Attention);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void WriteDelivery()
        {
            // BR-IC-11 and BR-IC-12: an intra-Community supply needs a delivery date and a deliver-to country.
            var intraCommunity = document.Lines.Any(line => line.VatCategory == VatCategory.IntraCommunitySupply);
            var deliveryDate = document.DeliveryDate ?? (intraCommunity ? document.IssueDate : (DateOnly?)null);
            var address = document.DeliveryAddress ?? (intraCommunity ? document.Buyer.Address : null);
            if (deliveryDate is null && address is null)
            {
                return;
            }

            writer.WriteStartElement("Delivery", Cac);
            if (deliveryDate is { } date)
            {
                Basic("ActualDeliveryDate", Date(date));
            }

            if (address is not null)
            {
                writer.WriteStartElement("DeliveryLocation", Cac);
                Address("Address", address);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        private void WritePayment()
        {
            if (document.Payment is not { } payment)
            {
                return;
            }

            writer.WriteStartElement("PaymentMeans", Cac);
            writer.WriteStartElement("PaymentMeansCode", Cbc);
            writer.WriteAttributeString("name", payment.MeansCode == "58" ? "SEPA credit transfer" : "Credit transfer");
            writer.WriteString(payment.MeansCode);
            writer.WriteEndElement();

            // A UBL 2.1 credit note has no header due date, so BT-9 goes into the payment means.
            if (_isCreditNote && document.DueDate is { } dueDate)
            {
                Basic("PaymentDueDate", Date(dueDate));
            }

            // BT-83 holds the 12 digits of the structured communication, the form banks process.
            if (payment.StructuredCommunication is { } communication)
            {
                Basic("PaymentID", communication.Digits);
            }

            writer.WriteStartElement("PayeeFinancialAccount", Cac);
            Basic("ID", payment.Iban.Value);
            Basic("Name", document.Seller.Name);
            if (payment.Bic is { } bic)
            {
                writer.WriteStartElement("FinancialInstitutionBranch", Cac);
                Basic("ID", bic.Value);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();

            if (!string.IsNullOrWhiteSpace(payment.PaymentTerms))
            {
                writer.WriteStartElement("PaymentTerms", Cac);
                Basic("Note", payment.PaymentTerms);
                writer.WriteEndElement();
            }
        }

        private void WriteTaxTotal()
        {
            writer.WriteStartElement("TaxTotal", Cac);
            Amount("TaxAmount", document.Totals.TaxTotal);
            foreach (var breakdown in document.VatBreakdown)
            {
                writer.WriteStartElement("TaxSubtotal", Cac);
                Amount("TaxableAmount", breakdown.TaxableAmount);
                Amount("TaxAmount", breakdown.TaxAmount);
                writer.WriteStartElement("TaxCategory", Cac);
                Basic("ID", breakdown.Category.ToCode());

                // BR-O-05: a category outside the scope of VAT has no rate.
                if (breakdown.Category != VatCategory.OutsideScope)
                {
                    Basic("Percent", Percent(breakdown.Rate));
                }

                // BR-S-10 and BR-Z-10 forbid an exemption reason; the other categories require one (BR-E-10 and siblings).
                if (breakdown.Category is not (VatCategory.StandardRated or VatCategory.ZeroRated))
                {
                    OptionalBasic("TaxExemptionReasonCode", breakdown.ExemptionReasonCode);
                    OptionalBasic("TaxExemptionReason", breakdown.ExemptionReasonText);
                }

                TaxScheme();
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        private void WriteMonetaryTotal()
        {
            var totals = document.Totals;
            writer.WriteStartElement("LegalMonetaryTotal", Cac);
            Amount("LineExtensionAmount", totals.LineNetTotal);
            Amount("TaxExclusiveAmount", totals.TaxExclusive);
            Amount("TaxInclusiveAmount", totals.TaxInclusive);
            if (totals.Prepaid != 0)
            {
                Amount("PrepaidAmount", totals.Prepaid);
            }

            Amount("PayableAmount", totals.Payable);
            writer.WriteEndElement();
        }

        private void WriteLine(DocumentLine line)
        {
            writer.WriteStartElement(_isCreditNote ? "CreditNoteLine" : "InvoiceLine", Cac);
            Basic("ID", line.Position.ToString(CultureInfo.InvariantCulture));
            writer.WriteStartElement(_isCreditNote ? "CreditedQuantity" : "InvoicedQuantity", Cbc);
            writer.WriteAttributeString("unitCode", line.UnitCode);
            writer.WriteString(Quantity(line.Quantity));
            writer.WriteEndElement();
            Amount("LineExtensionAmount", line.NetAmount);

            if (line.DiscountPercent != 0)
            {
                // BG-27: the discount is a line allowance whose amount closes the gap between gross and net.
                var gross = RoundAmount(line.Quantity * line.UnitPrice);
                writer.WriteStartElement("AllowanceCharge", Cac);
                Basic("ChargeIndicator", "false");
                Basic("AllowanceChargeReasonCode", "95");
                Basic("AllowanceChargeReason", "Discount");
                Basic("MultiplierFactorNumeric", Percent(line.DiscountPercent));
                Amount("Amount", gross - line.NetAmount);
                Amount("BaseAmount", gross);
                writer.WriteEndElement();
            }

            var (name, description) = SplitItemText(line.Description);
            writer.WriteStartElement("Item", Cac);
            OptionalBasic("Description", description);
            Basic("Name", name);
            writer.WriteStartElement("ClassifiedTaxCategory", Cac);
            Basic("ID", line.VatCategory.ToCode());
            if (line.VatCategory != VatCategory.OutsideScope)
            {
                Basic("Percent", Percent(line.VatRate));
            }

            TaxScheme();
            writer.WriteEndElement();
            writer.WriteEndElement();

            writer.WriteStartElement("Price", Cac);
            Amount("PriceAmount", line.UnitPrice, UnitPrice(line.UnitPrice));
            writer.WriteEndElement();

            writer.WriteEndElement();
        }

        /// <summary>
        /// Splits a line description into the item name (BT-153), its first line cut to 100
        /// characters, and the item description (BT-154), the full text when it is longer than the name.
        /// </summary>
        private static (string Name, string? Description) SplitItemText(string text)
        {
            const int MaxNameLength = 100;
            var trimmed = text.Trim();
            var firstLine = trimmed.Split('\n', 2)[0].Trim();
            var name = firstLine.Length > MaxNameLength ? firstLine[..(MaxNameLength - 1)].TrimEnd() + "…" : firstLine;
            return (name, name == trimmed ? null : trimmed);
        }

        private void PartyIdentification(string schemeId, string value)
        {
            writer.WriteStartElement("PartyIdentification", Cac);
            Identifier("ID", Cbc, schemeId, value);
            writer.WriteEndElement();
        }

        private void PartyName(string name)
        {
            writer.WriteStartElement("PartyName", Cac);
            Basic("Name", name);
            writer.WriteEndElement();
        }

        private void PartyTaxScheme(VatNumber vat)
        {
            writer.WriteStartElement("PartyTaxScheme", Cac);
            Basic("CompanyID", vat.Value);
            TaxScheme();
            writer.WriteEndElement();
        }

        private void Address(string elementName, PostalAddress address)
        {
            writer.WriteStartElement(elementName, Cac);
            OptionalBasic("StreetName", address.Street);
            OptionalBasic("AdditionalStreetName", address.AdditionalStreet);
            OptionalBasic("CityName", address.City);
            OptionalBasic("PostalZone", address.PostalCode);
            writer.WriteStartElement("Country", Cac);
            Basic("IdentificationCode", address.CountryCode);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        private void TaxScheme()
        {
            writer.WriteStartElement("TaxScheme", Cac);
            Basic("ID", "VAT");
            writer.WriteEndElement();
        }

        private void Identifier(string localName, string ns, string schemeId, string value)
        {
            writer.WriteStartElement(localName, ns);
            writer.WriteAttributeString("schemeID", schemeId);
            writer.WriteString(value);
            writer.WriteEndElement();
        }

        private void Amount(string localName, decimal value, string? text = null)
        {
            writer.WriteStartElement(localName, Cbc);
            writer.WriteAttributeString("currencyID", document.CurrencyCode);
            writer.WriteString(text ?? value.ToString("0.00", CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }

        private void Basic(string localName, string value) => writer.WriteElementString(localName, Cbc, value);

        // PEPPOL-EN16931-R008 forbids empty elements, so absent values leave the element out.
        private void OptionalBasic(string localName, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                Basic(localName, value.Trim());
            }
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Quantity(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string UnitPrice(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Percent(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    // BR-DEC-24 and BR-DEC-25 allow 2 decimals on allowance amounts; rounding is half away from zero.
    private static decimal RoundAmount(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
