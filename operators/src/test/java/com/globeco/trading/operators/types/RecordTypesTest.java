package com.globeco.trading.operators.types;

import com.globeco.trading.compliance.Uti;
import com.globeco.trading.compliance.custodian.CustodianHolding;
import com.globeco.trading.compliance.reporting.PositionReports;
import com.globeco.trading.compliance.reporting.ReportOutcome;
import com.globeco.trading.compliance.reporting.ReportRow;
import com.globeco.trading.compliance.reporting.ReportableTrade;
import com.globeco.trading.compliance.reporting.ReportedTrade;
import com.globeco.trading.compliance.reporting.ReportingInput;
import com.globeco.trading.compliance.reporting.ReportingRow;
import com.globeco.trading.compliance.reporting.SubmissionAttempt;
import com.globeco.trading.compliance.reporting.Submitted;
import com.globeco.trading.compliance.reporting.TradeReport;
import com.globeco.trading.reconciliation.RepositoryHolding;
import com.globeco.trading.allocation.AccountingLine;
import com.globeco.trading.allocation.Allocation;
import com.globeco.trading.allocation.ClosedExecution;
import com.globeco.trading.confirmation.ExecutionLedger;
import com.globeco.trading.fills.ConfirmationRecord;
import com.globeco.trading.fills.ValidatedFill;
import com.globeco.trading.messages.DeadLetter;
import com.globeco.trading.operators.fills.FillInProgress;
import com.globeco.trading.positions.ContractOutcome;
import com.globeco.trading.positions.ContractTerms;
import com.globeco.trading.positions.Correction;
import com.globeco.trading.positions.DeferredContract;
import com.globeco.trading.positions.EventPayload;
import com.globeco.trading.positions.Journaled;
import com.globeco.trading.positions.PendingReplay;
import com.globeco.trading.positions.Position;
import com.globeco.trading.positions.PositionChange;
import com.globeco.trading.positions.PositionCommand;
import com.globeco.trading.positions.PositionEvent;
import com.globeco.trading.positions.ProvisionalTrade;
import com.globeco.trading.positions.ReconciliationBreak;
import com.globeco.trading.positions.ReferencePrice;
import com.globeco.trading.positions.ReplayOutcome;
import com.globeco.trading.positions.Trade;
import com.globeco.trading.reconciliation.PositionRebuild;
import com.globeco.trading.reconciliation.PositionRecord;
import com.globeco.trading.reconciliation.StoredEvent;
import com.globeco.trading.reconciliation.StoredSnapshot;
import com.globeco.trading.types.SealedTypeInfo;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every record the jobs keep in state or pass between operators is serialized by Flink's own serializers: a record by
 * the POJO serializer, a sealed kind by its tagged serializer, and nothing inside either falls back to Kryo (the jobs
 * run with generic types disabled, so a field Flink cannot type would fail the job when it starts).
 */
class RecordTypesTest {

    @ParameterizedTest
    @ValueSource(classes = {Position.class, Trade.class, ReferencePrice.class, PendingReplay.class, DeferredContract.class,
            ExecutionLedger.class, FillInProgress.class, ValidatedFill.class, StoredEvent.class, StoredSnapshot.class,
            PositionCommand.ApplyTrade.class, PositionCommand.ApplyTerms.class, PositionCommand.AdoptCorrection.class,
            PositionChange.Appended.class, PositionChange.Snapshotted.class, PositionEvent.class, ProvisionalTrade.class,
            ContractOutcome.class, Correction.class, ContractTerms.class,
            ReplayOutcome.class, ReconciliationBreak.class, DeadLetter.class, ConfirmationRecord.class, ClosedExecution.class,
            Allocation.class, AccountingLine.class, PositionRebuild.class, Uti.class,
            PositionRecord.Event.class, PositionRecord.Snapshot.class, PositionRecord.Custodian.class, PositionRecord.Repository.class,
            PositionRecord.AwaitingAcknowledgement.class, CustodianHolding.class, RepositoryHolding.class,
            PositionCommand.RecordReport.class, ReportableTrade.class, TradeReport.class, ReportOutcome.class, ReportRow.class,
            SubmissionAttempt.class, Submitted.class, PositionReports.class, ReportedTrade.class, ReportingInput.Applied.class,
            ReportingInput.Settled.class, ReportingInput.Refused.class, ReportingInput.Answered.class, ReportingInput.Resubmit.class})
    void recordsAreFlinkPojos(Class<?> record) {
        TypeInformation<?> type = TypeInformation.of(record);

        assertThat(type).as("%s", record.getSimpleName()).isInstanceOfAny(PojoTypeInfo.class, SealedTypeInfo.class);
        assertThatCode(() -> type.createSerializer(withoutGenericTypes())).as("%s has no field Flink would give to Kryo", record.getSimpleName())
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(classes = {Journaled.class, PositionCommand.class, PositionChange.class, EventPayload.class, PositionRecord.class,
            ReportingInput.class, ReportingRow.class})
    void sealedKindsHaveTheirTaggedType(Class<?> kind) {
        assertThat(TypeInformation.of(kind)).isInstanceOf(SealedTypeInfo.class).isNotInstanceOf(GenericTypeInfo.class);
    }

    private static SerializerConfigImpl withoutGenericTypes() {
        SerializerConfigImpl config = (SerializerConfigImpl) new ExecutionConfig().getSerializerConfig();
        config.setGenericTypes(false);
        return config;
    }
}
