package com.globeco.trading.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.globeco.trading.types.Samples.Adjust;
import com.globeco.trading.types.Samples.Amount;
import com.globeco.trading.types.Samples.Cash;
import com.globeco.trading.types.Samples.Close;
import com.globeco.trading.types.Samples.Command;
import com.globeco.trading.types.Samples.Envelope;
import com.globeco.trading.types.Samples.Open;
import com.globeco.trading.types.Samples.Terms;
import com.globeco.trading.types.Samples.Trade;
import com.globeco.trading.types.Samples.Units;

import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializer;
import org.junit.jupiter.api.Test;

class SealedTypeInfoTest {

    @Test
    void theAnnotationGivesSealedTypeInfoWithVariantsInClassNameOrder() {
        TypeInformation<Command> info = TypeInformation.of(Command.class);

        assertThat(info).isInstanceOf(SealedTypeInfo.class);
        assertThat(((SealedTypeInfo<Command>) info).getVariants())
                .containsExactly(Adjust.class, Close.class, Open.class, Terms.class, Trade.class);
        assertThat(((SealedTypeInfo<Command>) info).getVariantInfos()).allSatisfy(variant -> assertThat(variant).isInstanceOf(PojoTypeInfo.class));
        assertThat(info.isBasicType()).isFalse();
        assertThat(info.isTupleType()).isFalse();
        assertThat(info.isKeyType()).isFalse();
        assertThat(info.getTypeClass()).isEqualTo(Command.class);
        assertThat(info.toString()).startsWith("Sealed<" + Command.class.getName() + ">(");
    }

    @Test
    void equalTypeInfosForTheSameSealedType() {
        assertThat(TypeInformation.of(Command.class)).isEqualTo(TypeInformation.of(Command.class))
                .hasSameHashCodeAs(TypeInformation.of(Command.class))
                .isNotEqualTo(TypeInformation.of(Amount.class));
    }

    @Test
    void aRecordFieldOfASealedTypeGetsSealedTypeInfo() {
        TypeInformation<Envelope> info = TypeInformation.of(Envelope.class);

        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        assertThat(((PojoTypeInfo<Envelope>) info).getTypeAt("command")).isEqualTo(TypeInformation.of(Command.class));
        assertThat(genericTypesIn(info)).isEmpty();
    }

    @Test
    void aVariantWithAFieldOfAnotherSealedTypeGetsSealedTypeInfo() {
        SealedTypeInfo<Command> info = (SealedTypeInfo<Command>) TypeInformation.of(Command.class);
        PojoTypeInfo<?> adjust = (PojoTypeInfo<?>) info.getVariantInfos().get(info.getVariants().indexOf(Adjust.class));

        assertThat(adjust.getTypeAt("amount")).isInstanceOf(SealedTypeInfo.class);
        assertThat(adjust.getTypeAt("amount")).isEqualTo(TypeInformation.of(Amount.class));
        assertThat(((SealedTypeInfo<Amount>) TypeInformation.of(Amount.class)).getVariants()).containsExactly(Cash.class, Units.class);
        assertThat(genericTypesIn(info)).isEmpty();
    }

    @Test
    void createsTheSerializerWithGenericTypesDisabled() {
        SerializerConfig config = new ExecutionConfig().getSerializerConfig();
        ((SerializerConfigImpl) config).setGenericTypes(false);
        assertThatThrownBy(() -> TypeInformation.of(Object.class).createSerializer(config))
                .as("generic types are really disabled").isInstanceOf(UnsupportedOperationException.class);

        TypeSerializer<Envelope> envelope = TypeInformation.of(Envelope.class).createSerializer(config);
        TypeSerializer<Command> command = TypeInformation.of(Command.class).createSerializer(config);

        assertThat(envelope).isInstanceOf(PojoSerializer.class);
        assertThat(command).isInstanceOf(SealedSerializer.class);
        assertThat(((SealedSerializer<Command>) command).getVariantSerializers()).allSatisfy(s -> assertThat(s).isInstanceOf(PojoSerializer.class));
    }

    @Test
    void refusesAPermittedTypeThatIsNeitherFinalNorSealed() {
        assertThatThrownBy(() -> SealedKinds.of(Samples.Unlistable.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Samples.OpenEnded.class.getName())
                .hasMessageContaining("neither final");
        assertThatThrownBy(() -> TypeInformation.of(Samples.Unlistable.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither final");
    }

    @Test
    void refusesARecursiveSealedType() {
        assertThatThrownBy(() -> TypeInformation.of(Samples.Tree.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recursive");
    }

    @Test
    void refusesATypeThatIsNotSealed() {
        assertThatThrownBy(() -> SealedKinds.of(Runnable.class)).hasMessageContaining("not sealed");
    }

    /** Every type information reachable from this one (fields, variants) that would fall back to Kryo. */
    static List<TypeInformation<?>> genericTypesIn(TypeInformation<?> info) {
        List<TypeInformation<?>> found = new ArrayList<>();
        collectGeneric(info, found);
        return found;
    }

    private static void collectGeneric(TypeInformation<?> info, List<TypeInformation<?>> found) {
        if (info instanceof GenericTypeInfo<?>) {
            found.add(info);
        } else if (info instanceof SealedTypeInfo<?> sealed) {
            sealed.getVariantInfos().forEach(variant -> collectGeneric(variant, found));
        } else if (info instanceof CompositeType<?> composite) {
            for (int i = 0; i < composite.getArity(); i++) {
                collectGeneric(composite.getTypeAt(i), found);
            }
        }
    }
}
